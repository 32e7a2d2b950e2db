package sohoa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code scripts/sohoa} as an officer would, with a bounded heap. */
final class SohoaProcess {
  static final Path ROOT = Path.of(System.getProperty("sohoa.root", "../..")).toAbsolutePath().normalize();

  record Result(int exitCode, String out, String err) {}

  private SohoaProcess() {}

  static Result run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, Map.of(), args);
  }

  /** The same, with {@code environment} added to the process's (credentials, as an officer would). */
  static Result run(Path workDir, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("scripts/sohoa").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("sohoa-out", ".txt");
    Path err = Files.createTempFile("sohoa-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SOHOA_JAVA_OPTS", "-Xmx384m");
    builder.environment().putAll(environment);
    Process process = builder.start();
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
