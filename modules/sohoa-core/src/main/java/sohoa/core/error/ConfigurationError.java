package sohoa.core.error;

/**
 * A setting is missing or wrong; the message names the setting and the fix. {@link WrongSecret}
 * tells apart the one setting typed again and again: a password or PIN.
 */
public sealed class ConfigurationError extends SohoaException permits WrongSecret {
  public ConfigurationError(String problem, String remedy) {
    super(problem, remedy, null);
  }

  public ConfigurationError(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // The request cannot be done as configured or asked: Unprocessable Content.
    return 422;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.USAGE;
  }

  @Override
  public String code() {
    return "configuration-error";
  }
}
