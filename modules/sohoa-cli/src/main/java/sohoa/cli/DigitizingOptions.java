package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.core.error.ConfigurationError;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.OutputFormat;
import sohoa.pipeline.Sealing;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;

/**
 * How documents are digitised (OCR, limits, formats, the agency's seal): the options that
 * {@code digitize}, {@code worker} and {@code watch} share, so that a document comes out the same
 * whichever of them made it.
 */
final class DigitizingOptions {
  private final Environment environment;

  DigitizingOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(names = "--workers", paramLabel = "N",
      description = "OCR threads, one Tesseract each (default: the number of cores)")
  Integer workers;

  @Option(names = "--lang", paramLabel = "LANGS", defaultValue = "vie",
      description = "Tesseract languages, e.g. vie or vie+eng (default: ${DEFAULT-VALUE})")
  String languages;

  @Option(names = "--tessdata", paramLabel = "DIR",
      description = "folder with the .traineddata files (default: $TESSDATA_PREFIX or Debian's)")
  Path tessdata;

  @Option(names = "--max-pixels", paramLabel = "N",
      description = "refuse pages larger than this many pixels (default: 150000000)")
  Long maxPixels;

  @Option(names = "--max-pages", paramLabel = "N",
      description = "refuse documents with more pages (default: 5000)")
  Integer maxPages;

  @Option(names = "--max-bytes", paramLabel = "N",
      description = "refuse files larger than this (default: 1073741824)")
  Long maxBytes;

  @Option(names = "--max-seconds", paramLabel = "N",
      description = "stop a document that takes longer than this, report it and go on "
          + "(default: 3600)")
  Integer maxSeconds;

  @Option(names = "--formats", paramLabel = "LIST", defaultValue = "pdfa,txt,alto",
      description = "artifacts per document, of pdfa, txt, hocr, alto; PDF/A is always made "
          + "(default: ${DEFAULT-VALUE})")
  String formats;

  @Option(names = "--review-below", paramLabel = "CONFIDENCE", defaultValue = "70",
      description = "flag pages whose mean word confidence (0-100) is below this for review "
          + "(default: ${DEFAULT-VALUE})")
  float reviewBelow;

  @Option(names = "--correct-diacritics",
      description = "correct a misread tone or vowel mark where the syllable is impossible as read "
          + "and exactly one possible syllable is one mark away; every change is recorded")
  boolean correctDiacritics;

  @Option(names = "--reading-dpi", paramLabel = "DPI", defaultValue = "300",
      description = "read scans made below nine tenths of this resolution enlarged to it (the "
          + "archived image stays as scanned); 0 reads every scan as it is (default: ${DEFAULT-VALUE})")
  int readingDpi;

  @Option(names = "--archive-cleaned",
      description = "archive a page whose paper was evened out for reading (shadow, tint) as it "
          + "was read, in lossless grey, instead of as scanned")
  boolean archiveCleaned;

  @Option(names = "--sign", description = "seal each PDF/A with the agency's PAdES signature; "
      + "without --sign-identity, with the development identity in DATA/pki (UNTRUSTED)")
  boolean sign;

  @Option(names = "--sign-identity", paramLabel = "KEYSTORE",
      description = "the agency's PKCS#12 keystore for --sign; its password from --password-env, "
          + "--password-file or a prompt")
  Path signIdentity;

  @Option(names = "--sign-alias", paramLabel = "NAME",
      description = "the key to seal with, when the keystore holds several")
  String signAlias;

  @Option(names = "--sign-level", paramLabel = "LEVEL",
      description = "PAdES level of the seal: B-B, B-T, B-LT, B-LTA (default B-T with --tsa, "
          + "else B-B)")
  String signLevel;

  @Mixin Secret password;

  @Mixin SigningOptions signing;

  /** The agency's seal when {@code --sign} is given. */
  Optional<Sealing> sealing(DataFolder data, PrintWriter err, Clock clock) throws Exception {
    return sign ? Optional.of(sealing(data.path, err, clock)) : Optional.empty();
  }

  /** The agency's identity, or the development one, with the TSA and level asked for. */
  private Sealing sealing(Path data, PrintWriter err, Clock clock) throws Exception {
    SignatureLevel level = signLevel != null ? SigningOptions.level("--sign-level", signLevel)
        : signing.tsa != null ? SignatureLevel.B_T : SignatureLevel.B_B;
    SigningIdentity identity;
    boolean untrusted = signIdentity == null;
    if (untrusted) {
      try (DevelopmentIdentities development = DevelopmentIdentities.in(data, clock, err)) {
        identity = development.identity("agency");
      }
    } else {
      identity = Pkcs12Identities.load(signIdentity,
          password.read("the password of the keystore " + signIdentity),
          Optional.ofNullable(signAlias));
    }
    return new Sealing(new PadesSigner(identity, signing.timestampAuthority(),
        signing.trustAnchors()), level, untrusted);
  }

  /** The options as the pipeline takes them, checked. */
  DigitizeOptions options() throws ConfigurationError {
    if (readingDpi != 0 && (readingDpi < 150 || readingDpi > 600)) {
      throw new ConfigurationError("--reading-dpi must be 0 (off) or from 150 to 600, got "
          + readingDpi, "pass 300, the resolution Tesseract's models were trained for");
    }
    if (!(reviewBelow >= 0 && reviewBelow <= 100)) {
      throw new ConfigurationError("--review-below must be a confidence from 0 to 100, got "
          + reviewBelow, "pass a number such as 70");
    }
    DigitizeOptions defaults = DigitizeOptions.defaults();
    InputLimits limits;
    try {
      limits = new InputLimits(
          maxPixels != null ? maxPixels : defaults.limits().maxPixels(),
          maxPages != null ? maxPages : defaults.limits().maxPages(),
          maxBytes != null ? maxBytes : defaults.limits().maxBytes(),
          maxSeconds != null ? maxSeconds : defaults.limits().maxSeconds());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), "give --max-pixels, --max-pages, --max-bytes"
          + " and --max-seconds as positive numbers");
    }
    String prefix = environment.variable("TESSDATA_PREFIX").orElse(null);
    Path models = tessdata != null ? tessdata
        : prefix != null && !prefix.isBlank() ? Path.of(prefix) : OcrConfig.DEBIAN_TESSDATA;
    if (workers != null && (workers < 1 || workers > 256)) {
      throw new ConfigurationError("--workers must be 1 to 256, not " + workers,
          "give the number of OCR threads, at most the machine's cores");
    }
    return new DigitizeOptions(workers != null ? workers : defaults.workers(),
        new OcrConfig(languages, models, correctDiacritics, readingDpi), limits,
        OutputFormat.parse(formats), reviewBelow, archiveCleaned);
  }
}
