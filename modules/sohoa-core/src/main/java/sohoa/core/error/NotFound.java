package sohoa.core.error;

/**
 * What was asked for is not there: no document, copy or job has the id given, or none the asker
 * may see. Nothing was done.
 */
public final class NotFound extends SohoaException {
  public NotFound(String problem, String remedy) {
    super(problem, remedy, null);
  }

  @Override
  public int httpStatus() {
    return 404;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.USAGE;
  }

  @Override
  public String code() {
    return "not-found";
  }
}
