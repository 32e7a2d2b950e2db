package sohoa.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.core.document.ContentHash;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.Pkcs11Identities;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.Certification;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.sign.pades.VisibleSignature;

/** {@code sohoa sign IN.pdf -o OUT.pdf --identity KEYSTORE --level B-LT}: one PAdES signature. */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = "Signs a PDF to a PAdES baseline level (B-B, B-T, B-LT, "
        + "B-LTA) as an incremental update: earlier signatures and PDF/A conformance are kept.")
final class SignCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "IN.pdf", description = "the PDF to sign")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.pdf", required = true,
      description = "where to write the signed PDF (may not be IN.pdf)")
  Path output;

  @Option(names = "--identity", paramLabel = "KEYSTORE",
      description = "the signer's PKCS#12 keystore (.p12, .pfx)")
  Path identity;

  @Option(names = "--pkcs11", paramLabel = "MODULE",
      description = "sign on a PKCS#11 token or HSM through this module (.so); its PIN from "
          + "--password-env, --password-file or a prompt")
  Path pkcs11;

  @Option(names = "--slot", paramLabel = "N",
      description = "which of the module's slots holding a token (default 0, the first)")
  Integer slot;

  @Option(names = "--token-label", paramLabel = "LABEL",
      description = "the token with this label (as pkcs11-tool -L shows it), instead of --slot")
  String tokenLabel;

  @Option(names = "--chain", paramLabel = "PEM",
      description = "the issuing CA certificates, when the token holds only the signer's")
  Path chain;

  @Option(names = "--alias", paramLabel = "NAME",
      description = "the key to sign with (its label on a token), when there are several")
  String alias;

  @Mixin Secret password;

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "B-T",
      description = "B-B, B-T, B-LT or B-LTA (default B-T)")
  String level;

  @Option(names = "--reason", description = "why it is signed (lý do), e.g. 'Phê duyệt'")
  String reason;

  @Option(names = "--location", description = "where it is signed (địa điểm)")
  String location;

  @Option(names = "--visible", paramLabel = "PAGE:X,Y,W,H",
      description = "show the signature in this box (points from the page's bottom left), e.g. "
          + "1:320,60,220,70: Ký bởi, Cơ quan, Thời gian ký")
  String visible;

  @Option(names = "--visible-image", paramLabel = "IMAGE",
      description = "a PNG or JPEG of the handwritten signature or seal, shown beside the text")
  Path visibleImage;

  @Option(names = "--visible-font", paramLabel = "TTF",
      defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      description = "a TrueType font with Vietnamese letters, embedded (default DejaVu Sans)")
  Path visibleFont;

  @Option(names = "--certify", description = "make it a certification signature (DocMDP, no "
      + "changes allowed after it but validation data): for the document's last signature")
  boolean certify;

  @Mixin SigningOptions signing;

  @Mixin DataFolder data;

  @Override
  public Integer call() throws Exception {
    SignatureLevel asked = SigningOptions.level("--level", level);
    SigningIdentity signer = signer();
    PadesSigner pades = new PadesSigner(signer, signing.timestampAuthority(),
        signing.trustAnchors());
    SignatureRequest request = new SignatureRequest(asked, Optional.empty(),
        Optional.ofNullable(reason), Optional.ofNullable(location),
        visible == null ? Optional.empty() : Optional.of(VisibleSignature.parse(visible,
            visibleFont, Optional.ofNullable(visibleImage))),
        certify ? Certification.NO_CHANGES : Certification.NONE);
    AtomicOutput.write(input, output, (in, out) -> pades.sign(in, out, request));
    spec.commandLine().getOut().printf("signed %s -> %s (%s, PAdES %s)%n", input, output,
        signer.signerName(), asked.label());
    data.recordIfArchived("sign", output.getFileName().toString(),
        Optional.of(ContentHash.of(output)), "PAdES " + asked.label() + " by "
            + signer.signerName() + " of " + input.getFileName());
    return 0;
  }

  /** The identity from the keystore or the token, whichever was given: exactly one must be. */
  private SigningIdentity signer() throws ConfigurationError {
    if ((identity == null) == (pkcs11 == null)) {
      throw new ConfigurationError("say who signs: either --identity KEYSTORE or --pkcs11 MODULE",
          "give a PKCS#12 keystore with --identity, or a token's PKCS#11 module with --pkcs11");
    }
    if (identity != null) {
      return Pkcs12Identities.load(identity,
          password.read("the password of the keystore " + identity), Optional.ofNullable(alias));
    }
    if (slot != null && tokenLabel != null) {
      throw new ConfigurationError("--slot and --token-label both choose the token",
          "give one of them");
    }
    Pkcs11Identities.Slot which = tokenLabel != null
        ? new Pkcs11Identities.Slot.ByLabel(tokenLabel)
        : new Pkcs11Identities.Slot.ByIndex(slot == null ? 0 : slot);
    return Pkcs11Identities.load(new Pkcs11Identities.Token(pkcs11, which,
        Optional.ofNullable(alias), Optional.ofNullable(chain)),
        password.read("the token's PIN"));
  }
}
