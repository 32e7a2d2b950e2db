package sohoa.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;

/**
 * The agency's seal as a PKCS#12 keystore, with its password from the environment, a file or a
 * prompt (never the command line): for certified copies and audit checkpoints.
 */
final class AgencyIdentityOptions {
  private final Environment environment;

  AgencyIdentityOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(names = "--agency-identity", paramLabel = "KEYSTORE",
      description = "the agency's PKCS#12 keystore (its seal); its password from "
          + "--agency-password-env, --agency-password-file or a prompt")
  Path keystore;

  @Option(names = "--agency-password-env", paramLabel = "VAR") String passwordEnv;

  @Option(names = "--agency-password-file", paramLabel = "FILE") Path passwordFile;

  boolean given() {
    return keystore != null;
  }

  SigningIdentity load() throws ConfigurationError {
    return Pkcs12Identities.load(keystore, Secret.read(environment, passwordEnv, passwordFile,
        "the password of the keystore " + keystore), Optional.empty());
  }
}
