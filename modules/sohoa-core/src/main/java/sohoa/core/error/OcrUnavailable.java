package sohoa.core.error;

/** The OCR engine or its language data cannot be loaded on this machine. */
public final class OcrUnavailable extends SohoaException {
  public OcrUnavailable(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // A part of the server is missing: Service Unavailable.
    return 503;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.USAGE;
  }

  @Override
  public String code() {
    return "ocr-unavailable";
  }
}
