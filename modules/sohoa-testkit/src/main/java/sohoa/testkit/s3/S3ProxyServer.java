package sohoa.testkit.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sohoa.testkit.net.FreePorts;

/**
 * A real S3 server on loopback for the tests: S3Proxy with its filesystem backend, run as a
 * process of its own (java -jar), so that a test can stop it mid-upload and start it again on
 * the same port and data. The build copies its jar to {@code modules/sohoa-testkit/target/s3proxy}.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "sohoa-test";
  public static final String SECRET_KEY = "sohoa-test-secret-key";

  private final Path data;
  private final int port;
  private final Path jar;
  /** The class-data archive every start maps, once one server has written it. */
  private final Path archive;
  /** Where this JVM's writing server writes the archive before it is moved into place. */
  private final Path writing;
  private Process process;
  /** Held while this server's process is the one writing the class-data archive. */
  private FileChannel archiveWriter;

  private S3ProxyServer(Path data, int port, Path jar) {
    this.data = data;
    this.port = port;
    this.jar = jar;
    this.archive = jar.resolveSibling("s3proxy.jsa");
    this.writing = archive.resolveSibling(archive.getFileName() + "."
        + ProcessHandle.current().pid());
  }

  /** Starts a server keeping its buckets under {@code data}, on a free port. */
  public static S3ProxyServer start(Path data) throws IOException, InterruptedException {
    int port = FreePorts.next();
    S3ProxyServer server = new S3ProxyServer(data, port, builtJar());
    server.startProcess();
    return server;
  }

  /** {@code http://127.0.0.1:<port>} */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Where the server keeps {@code bucket}'s objects, for tests that damage one on purpose. */
  public Path bucketFolder(String bucket) {
    return data.resolve("blobs").resolve(bucket);
  }

  /** Kills the server at once, as a crash or a network cut would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts it again on the same port and data. */
  public void restart() throws IOException, InterruptedException {
    startProcess();
  }

  private void startProcess() throws IOException, InterruptedException {
    Files.createDirectories(data.resolve("blobs"));
    Path properties = data.resolve("s3proxy.conf");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + data.resolve("blobs"), ""));
    // The quick compiler and the serial collector: a test's server lives seconds and moves
    // megabytes, and these start it on a third less CPU (3.4 -> 2.2 s), cores its tests share.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(classDataSharing());
    command.addAll(List.of("-jar", jar.toString(), "--properties", properties.toString()));
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(data.resolve("s3proxy.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("S3Proxy stopped at start: " + Files.readString(
            data.resolve("s3proxy.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroyForcibly();
    throw new IOException("S3Proxy did not answer on port " + port + " within 60 s");
  }

  /**
   * The JVM options that share S3Proxy's classes between its starts (a suite makes about 14):
   * the first server of a build writes the archive when it stops, the others map it, and start
   * on 2.0 CPU-s against 3.3. One writer at a time, chosen by a file lock that a test JVM's end
   * releases however it ends.
   */
  private List<String> classDataSharing() throws IOException {
    if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive)
        .compareTo(Files.getLastModifiedTime(jar)) > 0) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
    if (archiveWriter == null) {
      FileChannel lock = FileChannel.open(jar.resolveSibling("s3proxy.jsa.lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        if (lock.tryLock() == null) {
          lock.close();
          return List.of();
        }
      } catch (OverlappingFileLockException writingInThisJvm) {
        lock.close();
        return List.of();
      }
      archiveWriter = lock;
    }
    return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
  }

  /** The jar the build copied, found from the module folder a test runs in. */
  private static Path builtJar() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve("modules/sohoa-testkit/target/s3proxy/s3proxy.jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IOException("no S3Proxy jar: build the project first (mvn install copies it to"
        + " modules/sohoa-testkit/target/s3proxy/s3proxy.jar)");
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (archiveWriter == null) {
      if (process != null) {
        kill();
      }
      return;
    }
    // Stopped, not killed, so that it writes the archive as it exits.
    try {
      process.destroy();
      boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
      if (!stopped) {
        kill();
      }
      if (stopped && Files.isRegularFile(writing)) {
        Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // Killed while it wrote, or never written: not an archive to map.
        Files.deleteIfExists(writing);
      }
    } finally {
      archiveWriter.close();
    }
  }
}
