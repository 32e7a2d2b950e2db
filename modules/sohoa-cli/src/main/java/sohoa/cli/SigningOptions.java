package sohoa.cli;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.PemCertificates;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;

/** The timestamp authority and trust anchors that signing and extending share. */
final class SigningOptions {
  private final Environment environment;

  SigningOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(names = "--tsa", paramLabel = "URL",
      description = "RFC 3161 timestamp authority, needed from B-T up")
  URI tsa;

  @Option(names = "--tsa-user", paramLabel = "NAME",
      description = "user for the TSA's HTTP authentication; its password from --tsa-password-env")
  String tsaUser;

  @Option(names = "--tsa-password-env", paramLabel = "VAR",
      description = "environment variable holding the TSA user's password")
  String tsaPasswordEnv;

  @Option(names = "--tsa-timeout", paramLabel = "SECONDS", defaultValue = "15",
      description = "seconds to wait for the TSA per attempt (default 15; three attempts)")
  int tsaTimeout;

  @Option(names = "--trust", paramLabel = "PEM",
      description = "trust anchor (CA certificate, PEM or DER) where chains end; repeatable")
  List<Path> trust = new ArrayList<>();

  Optional<TimestampAuthority> timestampAuthority() throws ConfigurationError {
    if (tsa == null) {
      return Optional.empty();
    }
    Optional<char[]> password = Optional.empty();
    if (tsaPasswordEnv != null) {
      String value = environment.variable(tsaPasswordEnv).orElse(null);
      if (value == null) {
        throw new ConfigurationError("the environment variable " + tsaPasswordEnv + " is not set",
            "export it with the TSA user's password");
      }
      password = Optional.of(value.toCharArray());
    }
    return Optional.of(new TimestampAuthority(tsa, Optional.ofNullable(tsaUser), password,
        Duration.ofSeconds(tsaTimeout), 3));
  }

  List<X509Certificate> trustAnchors() throws ConfigurationError {
    List<X509Certificate> anchors = new ArrayList<>();
    for (Path file : trust) {
      anchors.addAll(PemCertificates.read(file));
    }
    return anchors;
  }

  /** The PAdES level given as {@code option}, checked. */
  static SignatureLevel level(String option, String value) throws ConfigurationError {
    try {
      return SignatureLevel.of(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(option + ": " + e.getMessage(), "give " + option
          + " B-B, B-T, B-LT or B-LTA");
    }
  }
}
