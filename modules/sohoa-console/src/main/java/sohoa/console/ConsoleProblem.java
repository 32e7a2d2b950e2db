package sohoa.console;

/**
 * What went wrong, for the officer, in Vietnamese: the page shows it with the status, and the
 * action can be tried again or done otherwise.
 */
final class ConsoleProblem extends RuntimeException {
  private final int status;

  ConsoleProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ConsoleProblem notFound(String what) {
    return new ConsoleProblem(404, "Không tìm thấy " + what + ".");
  }

  /** {@code what} (a file, a scan) is over the server's limit of {@code maxBytes}. */
  static ConsoleProblem tooLarge(String what, long maxBytes) {
    return new ConsoleProblem(413, what + " lớn hơn giới hạn " + maxBytes / (1 << 20)
        + " MB máy chủ nhận. Hãy quét lại với độ phân giải 300 dpi, hoặc chia thành nhiều"
        + " tệp.");
  }

  static ConsoleProblem badRequest(String message) {
    return new ConsoleProblem(400, message);
  }
}
