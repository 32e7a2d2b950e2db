package sohoa.core.error;

/** The object store or the catalog could not complete a read or write; the input is not at fault. */
public final class StorageFailure extends SohoaException {
  public StorageFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "storage-failure", ExitStatus.SOME_FAILED, 503);
  }
}
