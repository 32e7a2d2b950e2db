package sohoa.core.error;

/**
 * A password or PIN did not open a key: a keystore's password, a token's user PIN. Callers that
 * ask for it again, or count wrong ones (the officer console), catch this rather than read the
 * message.
 */
public final class WrongSecret extends ConfigurationError {
  public WrongSecret(String problem, String remedy) {
    super(problem, remedy);
  }
}
