package sohoa.core.error;

/** The file is neither a scanned image (TIFF, PNG, JPEG) nor a PDF, judged by its content. */
public final class UnsupportedInput extends InputRejected {
  public UnsupportedInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public UnsupportedInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "unsupported-input");
  }
}
