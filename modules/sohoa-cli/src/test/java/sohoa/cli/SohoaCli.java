package sohoa.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import sohoa.core.ocr.EngineFactory;
import sohoa.extract.file.TestMetadataReader;

/**
 * Runs a sohoa command inside the test's JVM, as picocli's {@code execute} does in {@link Main},
 * with its output and exit code captured: what most command tests need, without a JVM, a
 * Tesseract and a Tika child started for each command. {@link SohoaProcess} stays for what only
 * a process shows (the launcher script, signals, a bounded heap, several processes on one data
 * folder).
 */
final class SohoaCli {
  private SohoaCli() {}

  static SohoaProcess.Result run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * The same, with {@code environment} added to the test's own variables, as an officer's shell
   * would export them; English, as {@link SohoaProcess} runs, unless {@code LANG} is given.
   */
  static SohoaProcess.Result run(Map<String, String> environment, String... args) {
    return run(Optional.empty(), environment, args);
  }

  /**
   * The same, the digitising commands reading with {@code ocr} (a {@code ScriptedEngine})
   * instead of Tesseract: for tests about what is done with a document (signing, certifying,
   * keeping, moving it), not about reading it.
   */
  static SohoaProcess.Result run(EngineFactory ocr, Map<String, String> environment,
      String... args) {
    return run(Optional.of(ocr), environment, args);
  }

  private static SohoaProcess.Result run(Optional<EngineFactory> ocr,
      Map<String, String> environment, String... args) {
    Map<String, String> variables = new HashMap<>(System.getenv());
    variables.remove("LC_ALL");
    variables.remove("LC_MESSAGES");
    variables.put("LANG", "C.UTF-8");
    variables.putAll(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = SohoaCommand.commandLine(new Environment(variables,
        Optional.empty(), ocr, Optional.of(TestMetadataReader.shared())));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new SohoaProcess.Result(exitCode, out.toString(), err.toString());
  }
}
