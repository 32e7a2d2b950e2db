package sohoa.core.error;

/**
 * A certified copy could not be made from its original (the original's PDF/A cannot be read or
 * extended); its register number, if one was taken, is voided with this reason.
 */
public final class CertificationFailure extends SohoaException {
  public CertificationFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // The copy cannot be issued: Unprocessable Content.
    return 422;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.SOME_FAILED;
  }

  @Override
  public String code() {
    return "certification-failure";
  }
}
