package sohoa.extract.file;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.apache.tika.fork.ForkParser;
import org.junit.jupiter.api.Test;

class ChildClassPathTest {
  @Test
  void ensurePresent_afterACleanerRemovedTheFolder_writesItAgainWithThisClassPath()
      throws Exception {
    try (ChildClassPath classPath = ChildClassPath.ofThisProcess()) {
      Path jar = classPath.folder().resolve("class-path.jar");
      Files.delete(jar);
      Files.delete(classPath.folder());

      classPath.ensurePresent();

      try (JarFile written = new JarFile(jar.toFile())) {
        String entries = written.getManifest().getMainAttributes()
            .getValue(Attributes.Name.CLASS_PATH);
        // Where this process found Tika is where the children will find it.
        String tikaCore = Path.of(ForkParser.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI()).toUri().toString();
        assertTrue(entries.contains(tikaCore), tikaCore + " in " + entries);
      }
    }
  }

  @Test
  void close_removesTheFolder_andClosingAgainDoesNothing() {
    ChildClassPath classPath = ChildClassPath.ofThisProcess();
    assertTrue(Files.isRegularFile(classPath.folder().resolve("class-path.jar")));

    classPath.close();
    classPath.close();

    assertFalse(Files.exists(classPath.folder()));
  }

  @Test
  void ofThisProcess_removesTheFoldersOfProcessesThatNoLongerRun_andKeepsTheLiving()
      throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    Path leftBehind = Files.createDirectory(temporary.resolve("sohoa-tika-" + gone.pid() + "-7"));
    Files.writeString(leftBehind.resolve("class-path.jar"), "");
    Path living = Files.createDirectory(temporary.resolve("sohoa-tika-"
        + ProcessHandle.current().pid() + "-7"));
    try {
      ChildClassPath.ofThisProcess().close();

      assertFalse(Files.exists(leftBehind), "a killed process's folder is removed");
      assertTrue(Files.isDirectory(living), "a running process's folder is kept");
    } finally {
      Files.deleteIfExists(living);
      Files.deleteIfExists(leftBehind.resolve("class-path.jar"));
      Files.deleteIfExists(leftBehind);
    }
  }
}
