package sohoa.core.error;

/** The process exit codes every sohoa command uses. */
public enum ExitStatus {
  /** Everything asked for was done. */
  OK(0),
  /** Some documents failed; the rest are done and reported. */
  SOME_FAILED(1),
  /** The command line or the configuration is wrong; nothing was done. */
  USAGE(2),
  /** A verification found damage or an invalid signature. */
  VERIFICATION_FAILED(3);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
