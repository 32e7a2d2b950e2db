package sohoa.console;

import sohoa.core.i18n.Messages;

/**
 * What went wrong, for the officer: a catalogue key and what goes in it, put in the officer's
 * language when the page is drawn. The page shows it with the status, and the action can be
 * tried again or done otherwise.
 */
final class ConsoleProblem extends RuntimeException {
  private final int status;
  private final String key;
  private final transient Object[] arguments;

  ConsoleProblem(int status, String key, Object... arguments) {
    super(key);
    this.status = status;
    this.key = key;
    this.arguments = arguments.clone();
  }

  int status() {
    return status;
  }

  /** The officer's sentence. */
  String text(Messages words) {
    return words.text(key, arguments);
  }

  /** No {@code kind} (copy, document, variant, job) is {@code id}, or none the officer may see. */
  static ConsoleProblem notFound(String kind, String id) {
    return new ConsoleProblem(404, "console.not-found." + kind, id);
  }

  /** A scan is over the server's limit of {@code maxBytes}. */
  static ConsoleProblem tooLarge(long maxBytes) {
    return new ConsoleProblem(413, "console.too-large", maxBytes / (1 << 20));
  }

  /** The file {@code name} is over the server's limit of {@code maxBytes}. */
  static ConsoleProblem tooLarge(String name, long maxBytes) {
    return new ConsoleProblem(413, "console.too-large.file", name, maxBytes / (1 << 20));
  }

  static ConsoleProblem badRequest(String key, Object... arguments) {
    return new ConsoleProblem(400, key, arguments);
  }
}
