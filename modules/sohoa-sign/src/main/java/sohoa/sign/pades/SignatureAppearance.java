package sohoa.sign.pades;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.signatures.SignerProperties;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import sohoa.sign.identity.CertificateNames;

/**
 * The text a visible signature shows, in Vietnamese as officers read it:
 * <pre>
 * Ký bởi: Nguyễn Thị Hoa
 * Cơ quan: Ủy ban nhân dân tỉnh Thanh Hóa
 * Thời gian ký: 08.10.2023 17:45:00 +07:00
 * </pre>
 * in Vietnam's time, in an embedded font (PDF/A allows no other).
 */
final class SignatureAppearance {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss xxx");

  private SignatureAppearance() {}

  static String text(String signer, String agency, ZonedDateTime at) {
    return "Ký bởi: " + signer + "\nCơ quan: " + agency + "\nThời gian ký: "
        + TIME.format(at.withZoneSameInstant(VIETNAM));
  }

  /** Places {@code box} on {@code properties}, with the text and image it shows. */
  static void apply(SignerProperties properties, VisibleSignature box, X509Certificate signer,
      String signerName, ZonedDateTime at) throws IOException {
    PdfFont font = PdfFontFactory.createFont(box.font().toString(), PdfEncodings.IDENTITY_H,
        EmbeddingStrategy.FORCE_EMBEDDED);
    String text = text(signerName, CertificateNames.unit(signer), at);
    SignatureFieldAppearance appearance = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
    if (box.image().isPresent()) {
      appearance.setContent(text, ImageDataFactory.create(box.image().get().toString()));
    } else {
      appearance.setContent(text);
    }
    appearance.setFont(font).setFontSize(Math.min(10f, box.height() / 4.5f));
    properties.setPageNumber(box.page())
        .setPageRect(new Rectangle(box.x(), box.y(), box.width(), box.height()))
        .setSignatureAppearance(appearance);
  }
}
