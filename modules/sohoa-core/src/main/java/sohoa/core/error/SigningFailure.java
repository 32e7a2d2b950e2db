package sohoa.core.error;

/**
 * A signature could not be made: the key refused, the timestamp authority or a revocation service
 * did not answer, the document cannot take a signature. Nothing is written in its place.
 */
public final class SigningFailure extends SohoaException {
  public SigningFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "signing-failed", ExitStatus.SOME_FAILED, 502);
  }
}
