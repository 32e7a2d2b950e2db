package sohoa.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.certify.CopySigning;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;

/**
 * Who signs certified copies, at what level, and where their QR codes lead: shared by
 * {@code sohoa certify} and {@code sohoa serve --certify}. Without keystores, the development
 * identities of the data folder (UNTRUSTED), whose TSA and OCSP service is then run in-process.
 */
final class CopySigningOptions {
  private final Environment environment;

  CopySigningOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "PAdES level of both signatures: B-T, B-LT or B-LTA (default: B-LTA with "
          + "--tsa, else B-LT with the development TSA)")
  String level;

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
      description = "where 'sohoa serve' publishes the verification page the QR code opens "
          + "(default: ${DEFAULT-VALUE})")
  URI baseUrl;

  @Option(names = "--officer-identity", paramLabel = "KEYSTORE",
      description = "the officer's PKCS#12 keystore; its password from --officer-password-env, "
          + "--officer-password-file or a prompt")
  Path officerIdentity;

  @Option(names = "--officer-password-env", paramLabel = "VAR") String officerPasswordEnv;

  @Option(names = "--officer-password-file", paramLabel = "FILE") Path officerPasswordFile;

  @Mixin AgencyIdentityOptions agency;

  @Mixin SigningOptions signing;

  private SigningIdentity officerKey;

  /** The two signers, and the development PKI service they may need until closed. */
  record Signers(CopySigning signing, Optional<DevelopmentIdentities> developmentPki)
      implements AutoCloseable {
    boolean development() {
      return developmentPki.isPresent();
    }

    @Override
    public void close() {
      developmentPki.ifPresent(DevelopmentIdentities::close);
    }
  }

  Signers open(Path data, Clock clock, PrintWriter err) throws Exception {
    SignatureLevel signatureLevel = level != null ? SigningOptions.level("--level", level)
        : signing.tsa != null ? SignatureLevel.B_LTA : SignatureLevel.B_LT;
    if (!signatureLevel.timestamped()) {
      throw new ConfigurationError("a certified copy is signed at B-T or above, not " + level,
          "use --level B-LT (the default) or B-LTA");
    }
    if ((officerIdentity == null) == agency.given()) {
      throw new ConfigurationError("give both --officer-identity and --agency-identity, or"
          + " neither (the development identities)", "name both keystores");
    }
    if (officerIdentity == null) {
      DevelopmentIdentities development = DevelopmentIdentities.in(data, clock, err);
      try {
        TimestampAuthority tsa = signing.tsa != null
            ? signing.timestampAuthority().orElseThrow() : development.timestampAuthority();
        return new Signers(new CopySigning(
            new PadesSigner(development.identity("officer"), Optional.of(tsa),
                development.trustAnchors()),
            new PadesSigner(development.identity("agency"), Optional.of(tsa),
                development.trustAnchors()), signatureLevel), Optional.of(development));
      } catch (Exception e) {
        development.close();
        throw e;
      }
    }
    TimestampAuthority tsa = signing.timestampAuthority().orElseThrow(() ->
        new ConfigurationError("certified copies are timestamped and no TSA is configured",
            "give the timestamp authority's address with --tsa URL"));
    return new Signers(new CopySigning(
        new PadesSigner(officerKey(), Optional.of(tsa), signing.trustAnchors()),
        new PadesSigner(agency.load(), Optional.of(tsa), signing.trustAnchors()),
        signatureLevel), Optional.empty());
  }

  /** Where the QR codes of the copies lead: the verification page of 'sohoa serve'. */
  URI verificationBase() {
    return baseUrl;
  }

  /** Whether the officer signs with a keystore of their own (not a development identity). */
  boolean officerKeystore() {
    return officerIdentity != null;
  }

  /**
   * The officer's key, from its keystore: opened once, so that the command can open it first
   * and count a wrong password against the officer's account before anything else is done.
   */
  SigningIdentity officerKey() throws ConfigurationError {
    if (officerKey == null) {
      officerKey = load(officerIdentity, officerPasswordEnv, officerPasswordFile);
    }
    return officerKey;
  }

  private SigningIdentity load(Path keystore, String env, Path file)
      throws ConfigurationError {
    return Pkcs12Identities.load(keystore, Secret.read(environment, env, file,
        "the password of the keystore " + keystore), Optional.empty());
  }
}
