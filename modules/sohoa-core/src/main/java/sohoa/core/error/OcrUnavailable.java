package sohoa.core.error;

/** The OCR engine or its language data cannot be loaded on this machine. */
public final class OcrUnavailable extends SohoaException {
  public OcrUnavailable(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "ocr-unavailable", ExitStatus.USAGE, 503);
  }
}
