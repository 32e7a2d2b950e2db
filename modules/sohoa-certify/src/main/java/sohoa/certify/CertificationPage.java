package sohoa.certify;

import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;
import java.io.IOException;
import sohoa.core.error.CertificationFailure;

/**
 * Draws the lời chứng with its QR code: on a certification page of its own (A4, laid out as the
 * paper form: agency and national motto at the head, the statement, the officer's title and
 * name on the right, the QR code at the foot) or in a stamp area at the foot of the last page.
 */
final class CertificationPage {
  private static final float MARGIN = 56;
  private static final float QR_SIZE = 110;

  private final PdfFont regular;
  private final PdfFont bold;

  private CertificationPage(PdfFont regular, PdfFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** Fonts for {@code pdf}, embedded as PDF/A requires. */
  static CertificationPage in(PdfDocument pdf, CopyFonts fonts) throws IOException {
    PdfFont regular = font(fonts.regular().program());
    PdfFont bold = fonts.bold() == fonts.regular() ? regular : font(fonts.bold().program());
    return new CertificationPage(regular, bold);
  }

  private static PdfFont font(byte[] program) throws IOException {
    return PdfFontFactory.createFont(FontProgramFactory.createFont(program),
        PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
  }

  /** Adds the certification page after the document's pages. */
  void addPage(PdfDocument pdf, CertificationStatement statement)
      throws CertificationFailure {
    PdfPage page = pdf.addNewPage(PageSize.A4);
    Rectangle size = page.getPageSize();
    float top = size.getTop() - MARGIN;
    float half = (size.getWidth() - 2 * MARGIN) / 2;
    // As on the paper form: the agency on the left (two fifths), the national motto on the right.
    float left = (size.getWidth() - 2 * MARGIN) * 0.4f;
    float right = (size.getWidth() - 2 * MARGIN) - left;
    try (Canvas canvas = new Canvas(new PdfCanvas(page), size)) {
      canvas.add(line(statement.agencyHeading(), bold, 10, TextAlignment.CENTER)
          .setFixedPosition(MARGIN, top - 40, left));
      canvas.add(line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 10, TextAlignment.CENTER)
          .setFixedPosition(MARGIN + left, top - 14, right));
      canvas.add(line("Độc lập - Tự do - Hạnh phúc", bold, 10, TextAlignment.CENTER)
          .setFixedPosition(MARGIN + left, top - 30, right));
      canvas.add(line(CertificationStatement.TITLE, bold, 13, TextAlignment.CENTER)
          .setFixedPosition(MARGIN, top - 110, 2 * half));
      float y = top - 150;
      for (String text : statement.body()) {
        canvas.add(line(text, regular, 12, TextAlignment.LEFT).setFixedPosition(MARGIN, y,
            2 * half));
        y -= 22;
      }
      signatureBlock(canvas, statement, MARGIN + half, y - 70, half, 12);
      canvas.add(qr(pdf, statement.verificationUrl(), QR_SIZE).setFixedPosition(MARGIN,
          MARGIN + 40));
      canvas.add(line("Kiểm tra bản sao điện tử: quét mã QR hoặc mở " + statement
          .verificationUrl(), regular, 8, TextAlignment.LEFT).setFixedPosition(MARGIN, MARGIN,
          2 * half));
    }
  }

  /** Draws the lời chứng in a boxed area at the foot of the document's last page. */
  void stamp(PdfDocument pdf, CertificationStatement statement)
      throws CertificationFailure {
    PdfPage page = pdf.getLastPage();
    Rectangle size = page.getCropBox();
    float width = 330;
    float height = 190;
    float left = size.getRight() - 24 - width;
    float bottom = size.getBottom() + 24;
    PdfCanvas under = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
    under.saveState().setFillColor(ColorConstants.WHITE).setStrokeColor(ColorConstants.BLACK)
        .rectangle(left, bottom, width, height).fillStroke().restoreState();
    try (Canvas canvas = new Canvas(under, size)) {
      float y = bottom + height - 22;
      for (String text : statement.body()) {
        canvas.add(line(text, text.equals(CertificationStatement.CERTIFIED) ? bold : regular, 9,
            TextAlignment.LEFT).setFixedPosition(left + 8, y, width - 16));
        y -= 14;
      }
      signatureBlock(canvas, statement, left + 8 + 100, bottom + 10, width - 116, 9);
      canvas.add(qr(pdf, statement.verificationUrl(), 90).setFixedPosition(left + 8, bottom + 8));
    }
  }

  /** The officer's title, the mark that it is signed digitally, and the name. */
  private void signatureBlock(Canvas canvas, CertificationStatement statement, float left,
      float bottom, float width, float size) {
    canvas.add(line(statement.officerHeading(), bold, size, TextAlignment.CENTER)
        .setFixedPosition(left, bottom + 4 * size, width));
    canvas.add(line("(Đã ký số)", regular, size, TextAlignment.CENTER)
        .setFixedPosition(left, bottom + 2.5f * size, width));
    canvas.add(line(statement.officer().name(), bold, size, TextAlignment.CENTER)
        .setFixedPosition(left, bottom + size, width));
  }

  private static Paragraph line(String text, PdfFont font, float size, TextAlignment alignment) {
    return new Paragraph(text).setFont(font).setFontSize(size).setTextAlignment(alignment)
        .setMargin(0).setMultipliedLeading(1.1f);
  }

  /** The QR code as vector paths: legible when printed and photographed. */
  private static Image qr(PdfDocument pdf, String url, float side)
      throws CertificationFailure {
    PdfFormXObject form = VerificationCode.legibleFor(url).createFormXObject(
        ColorConstants.BLACK, pdf);
    return new Image(form).scaleToFit(side, side);
  }
}
