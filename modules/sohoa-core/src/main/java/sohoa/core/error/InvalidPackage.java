package sohoa.core.error;

/**
 * A transfer package (a BagIt bag) that failed its own checks: a payload file changed, missing
 * or added, or a bag that is not one. Nothing of it was loaded.
 */
public final class InvalidPackage extends SohoaException {
  public InvalidPackage(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "invalid-package", ExitStatus.VERIFICATION_FAILED, 422);
  }
}
