package sohoa.core.error;

/**
 * A certified copy could not be made from its original (the original's PDF/A cannot be read or
 * extended); its register number, if one was taken, is voided with this reason.
 */
public final class CertificationFailure extends SohoaException {
  public CertificationFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "certification-failure", ExitStatus.SOME_FAILED, 422);
  }
}
