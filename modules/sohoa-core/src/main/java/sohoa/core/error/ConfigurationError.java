package sohoa.core.error;

/** A setting is missing or wrong; the message names the setting and the fix. */
public final class ConfigurationError extends SohoaException {
  public ConfigurationError(String problem, String remedy) {
    super(problem, remedy, null);
  }

  public ConfigurationError(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
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
