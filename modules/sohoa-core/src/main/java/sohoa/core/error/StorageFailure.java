package sohoa.core.error;

/** The object store or the catalog could not complete a read or write; the input is not at fault. */
public final class StorageFailure extends SohoaException {
  public StorageFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // The store or catalog is not answering: Service Unavailable.
    return 503;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.SOME_FAILED;
  }

  @Override
  public String code() {
    return "storage-failure";
  }
}
