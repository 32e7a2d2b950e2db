package sohoa.core.error;

/**
 * What was asked for is not there: no document, copy or job has the id given, or none the asker
 * may see. Nothing was done.
 */
public final class NotFound extends SohoaException {
  public NotFound(String problem, String remedy) {
    super(problem, remedy, null, "not-found", ExitStatus.USAGE, 404);
  }
}
