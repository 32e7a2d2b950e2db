package sohoa.core.error;

/**
 * A signature could not be made: the key refused, the timestamp authority or a revocation service
 * did not answer, the document cannot take a signature. Nothing is written in its place.
 */
public final class SigningFailure extends SohoaException {
  public SigningFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // The key or the timestamp authority failed: Bad Gateway.
    return 502;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.SOME_FAILED;
  }

  @Override
  public String code() {
    return "signing-failed";
  }
}
