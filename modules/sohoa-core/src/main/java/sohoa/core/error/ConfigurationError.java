package sohoa.core.error;

/**
 * A setting is missing or wrong; the message names the setting and the fix. {@link WrongSecret}
 * tells apart the one setting typed again and again: a password or PIN.
 */
public sealed class ConfigurationError extends SohoaException permits WrongSecret {
  public ConfigurationError(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public ConfigurationError(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "configuration-error", ExitStatus.USAGE, 422);
  }
}
