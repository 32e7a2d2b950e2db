package sohoa.cli;

import java.io.Console;
import java.lang.reflect.Constructor;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import sohoa.core.i18n.Messages;
import sohoa.core.ocr.EngineFactory;
import sohoa.extract.file.FileMetadataReader;

/**
 * The process a command runs in, as the command sees it: its environment variables (credentials,
 * the operator's language), the terminal a person types on, if any, the OCR engine and Tika's
 * children. {@link Main} gives the real ones (Tesseract, children of the command's own); a test
 * runs commands inside its own JVM with its own, as an operator's shell would set them, without
 * launching a process for each, with one pool of Tika children for all of them, and, when it is
 * not about OCR, with a scripted engine.
 *
 * @param ocr the engine digitising commands read with; empty for Tesseract
 * @param files the Tika children digitising commands read files' metadata with; empty for
 *     children each command starts and stops
 */
record Environment(Map<String, String> variables, Optional<Console> console,
    Optional<EngineFactory> ocr, Optional<FileMetadataReader> files) {
  Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(console, "console");
    Objects.requireNonNull(ocr, "ocr");
    Objects.requireNonNull(files, "files");
  }

  /** This process's variables and terminal, reading with Tesseract. */
  static Environment system() {
    return new Environment(System.getenv(), Optional.ofNullable(System.console()),
        Optional.empty(), Optional.empty());
  }

  /** The value of the variable {@code name}, when it is set. */
  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /**
   * The language the command line speaks to its operator: Vietnamese when the first of LC_ALL,
   * LC_MESSAGES and LANG that is set names it ({@code vi_VN.UTF-8}), English otherwise. Read as
   * POSIX orders it, not from the JVM's locale, which falls back to English on a machine where
   * the Vietnamese locale was never generated.
   */
  Messages operatorLanguage() {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = variables.get(name);
      if (value != null && !value.isEmpty()) {
        return value.startsWith("vi") ? Messages.forOfficers() : Messages.of(Locale.ENGLISH);
      }
    }
    return Messages.of(Locale.ENGLISH);
  }

  /**
   * The language of what officers read (job reports, the console, the verification page, the
   * register's CSV): Vietnamese unless {@code SOHOA_OFFICER_LANGUAGE} is {@code en}. Not the
   * operator's locale: the server's account often runs with {@code LANG=C}.
   */
  Messages officerLanguage() {
    return variable("SOHOA_OFFICER_LANGUAGE").filter(l -> l.startsWith("en"))
        .map(l -> Messages.of(Locale.ENGLISH)).orElseGet(Messages::forOfficers);
  }

  /** Whether a person is at a terminal: progress is drawn, and secrets can be asked for. */
  boolean terminal() {
    return console.isPresent();
  }

  /**
   * Makes commands and their option groups for picocli: a class whose constructor takes an
   * {@code Environment} gets this one, any other is made as picocli makes it.
   */
  CommandLine.IFactory factory() {
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
          constructor = type.getDeclaredConstructor(Environment.class);
        } catch (NoSuchMethodException plain) {
          return CommandLine.defaultFactory().create(type);
        }
        constructor.setAccessible(true);
        return constructor.newInstance(Environment.this);
      }
    };
  }
}
