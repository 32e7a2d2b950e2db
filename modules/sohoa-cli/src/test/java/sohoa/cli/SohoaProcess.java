package sohoa.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code scripts/sohoa} as an officer would, with a bounded heap. */
final class SohoaProcess {
  static final Path ROOT = Path.of(System.getProperty("sohoa.root", "../..")).toAbsolutePath().normalize();
  /** When the optimising compiler starts, as in the test JVM itself (see the parent pom). */
  private static final String TEST_JIT = System.getProperty("sohoa.test.jit", "");

  record Result(int exitCode, String out, String err) {}

  private SohoaProcess() {}

  /** A sohoa process left running, its output going to files. */
  record Running(Process process, Path out, Path err) {
    /** What it has printed on standard error so far. */
    String errSoFar() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until the server it runs answers {@code GET /health} on {@code port}. */
    void awaitServing(int port) throws IOException, InterruptedException {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      for (int i = 0; i < 240 && process.isAlive(); i++) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(250);
      }
      throw new AssertionError("sohoa serve did not start: " + errSoFar());
    }

    /** SIGKILL to the JVM and the script around it: a machine losing power, as sohoa sees it. */
    void kill() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGINT to the script and the JVM, as Ctrl-C sends it; waits for it to exit. */
    int interrupt() throws IOException, InterruptedException {
      List<String> kill = new ArrayList<>(List.of("kill", "-INT", String.valueOf(process.pid())));
      process.descendants().forEach(p -> kill.add(String.valueOf(p.pid())));
      new ProcessBuilder(kill).inheritIO().start().waitFor();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        kill();
        throw new AssertionError("sohoa did not stop within 3 minutes of Ctrl-C");
      }
      return process.exitValue();
    }

    /** SIGTERM to the JVM, as a service manager stops it; waits for it to exit. */
    int terminate() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        kill();
        throw new AssertionError("sohoa did not stop within 2 minutes of SIGTERM");
      }
      return process.exitValue();
    }
  }

  /**
   * Starts {@code sohoa args} and returns at once, as from a terminal: Ctrl-C reaches it. A shell
   * starts a script's background jobs with SIGINT ignored (a suite run with '&', or by a CI
   * runner that does), children inherit that, and a JVM started so never handles SIGINT; Perl
   * (in every Debian) gives the signal back its default before it runs sohoa.
   */
  static Running start(Path workDir, Map<String, String> environment, String... args)
      throws IOException {
    Path out = Files.createTempFile(workDir, "sohoa-out", ".txt");
    Path err = Files.createTempFile(workDir, "sohoa-err", ".txt");
    ProcessBuilder builder = builder(workDir, environment, args);
    List<String> command = new ArrayList<>(List.of("perl", "-e",
        "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot run $ARGV[0]: $!\\n\";"));
    command.addAll(builder.command());
    return new Running(builder.command(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start(), out, err);
  }

  private static ProcessBuilder builder(Path workDir, Map<String, String> environment,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("scripts/sohoa").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("SOHOA_JAVA_OPTS", "-Xmx384m");
    // English unless a test asks otherwise: the command line speaks its operator's language.
    builder.environment().remove("LC_ALL");
    builder.environment().remove("LC_MESSAGES");
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(environment);
    // The suite's compiler thresholds (the parent pom's sohoa.test.jit), whatever heap is asked.
    builder.environment().compute("SOHOA_JAVA_OPTS", (name, options) -> (TEST_JIT + " "
        + options).strip());
    return builder;
  }

  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, Map.of(), args);
  }

  /** The same, with {@code environment} added to the process's (credentials, as an officer would). */
  static Result run(Path workDir, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("sohoa-out", ".txt");
    Path err = Files.createTempFile("sohoa-err", ".txt");
    Process process = builder(workDir, environment, args).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("sohoa " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
