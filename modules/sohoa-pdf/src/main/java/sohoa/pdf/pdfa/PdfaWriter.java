package sohoa.pdf.pdfa;

import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.actions.data.ITextCoreProductData;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;
import com.itextpdf.kernel.xmp.XMPConst;
import com.itextpdf.kernel.xmp.XMPException;
import com.itextpdf.kernel.xmp.XMPMeta;
import com.itextpdf.kernel.xmp.XMPMetaFactory;
import com.itextpdf.kernel.xmp.options.PropertyOptions;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.Map;
import sohoa.core.error.InputRejected;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.pdf.input.EncodedImage;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.RasterImage;
import sohoa.pdf.input.Resolution;
import sohoa.pdf.input.TiffPage;

/**
 * Writes one PDF/A-2u document, a page at a time: each page is the scan's own image, sized by its
 * resolution, under an invisible text layer whose words sit on the words of the image, so that
 * searching and selecting in any viewer hits the right place. Pages are flushed as they are added,
 * so memory does not grow with the page count. Not thread-safe; one document per writer.
 */
public final class PdfaWriter implements AutoCloseable {
  private final PdfADocument pdf;
  private final PdfFont font;

  private PdfaWriter(PdfADocument pdf, PdfFont font) {
    this.pdf = pdf;
    this.font = font;
  }

  /** The PDF library and the conformance it writes, for manifests. */
  public static String producer() {
    return "iText " + ITextCoreProductData.getInstance().getVersion() + " (PDF/A-2u)";
  }

  /** Starts a document on {@code out}; the caller keeps ownership of the stream. */
  public static PdfaWriter open(OutputStream out, ArchiveInfo info, TextLayerFont textFont) {
    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org",
        "sRGB IEC61966-2.1", new ByteArrayInputStream(srgb));
    PdfWriter writer = new PdfWriter(out, new WriterProperties().setFullCompressionMode(true));
    writer.setCloseStream(false);
    PdfADocument pdf = new PdfADocument(writer, PdfAConformance.PDF_A_2U, intent);
    try {
      pdf.getCatalog().setLang(new PdfString("vi-VN"));
      PdfDocumentInfo documentInfo = pdf.getDocumentInfo();
      documentInfo.setTitle(info.title());
      documentInfo.setCreator(info.creatorTool());
      documentInfo.setSubject("Bản số hóa của " + info.sourceName());
      XMPMeta xmp = pdf.getXmpMetadata(true);
      xmp.setProperty(XMPConst.NS_DC, "identifier", "urn:sha256:" + info.sourceHash().hex());
      xmp.setProperty(XMPConst.NS_DC, "source", info.sourceName() + " (sha256:"
          + info.sourceHash().hex() + ")");
      xmp.setProperty(XMPConst.NS_XMP, "MetadataDate",
          info.created().atOffset(ZoneOffset.UTC).toString());
      pdf.setXmpMetadata(xmp);
      PdfFont font = PdfFontFactory.createFont(FontProgramFactory.createFont(textFont.program()),
          PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
      return new PdfaWriter(pdf, font);
    } catch (IOException | XMPException e) {
      pdf.close();
      throw new IllegalStateException("cannot start a PDF/A document", e);
    }
  }

  /**
   * Adds a page showing {@code image} turned upright as {@code alignment} says (a page fed sideways
   * is shown upright from its own unchanged bytes), with {@code text} as its invisible text layer.
   * The text was measured on the straightened page; each word is laid back onto the scan along
   * the scan's skew, so that it covers the printed word.
   */
  public void addPage(PageImage image, Alignment alignment, PageText text) throws InputRejected {
    int turns = alignment.quarterTurns();
    Resolution resolution = image.resolution();
    // The image's own size on paper, before it is turned.
    float w = (float) (image.width() * 72 / resolution.x());
    float h = (float) (image.height() * 72 / resolution.y());
    boolean sideways = turns % 2 == 1;
    float width = sideways ? h : w;
    float height = sideways ? w : h;
    PdfPage page = pdf.addNewPage(new PageSize(width, height));
    PdfCanvas canvas = new PdfCanvas(page);
    PdfImageXObject picture = new PdfImageXObject(imageData(image));
    // Each matrix maps the image's unit square onto the page, turned clockwise.
    switch (turns) {
      case 1 -> canvas.addXObjectWithTransformationMatrix(picture, 0, -w, h, 0, 0, w);
      case 2 -> canvas.addXObjectWithTransformationMatrix(picture, -w, 0, 0, -h, w, h);
      case 3 -> canvas.addXObjectWithTransformationMatrix(picture, 0, w, -h, 0, h, 0);
      default -> canvas.addXObjectWithTransformationMatrix(picture, w, 0, 0, h, 0, 0);
    }
    new TextLayer(canvas, font, width, height, alignment.skewDegrees()).write(text);
    canvas.release();
    page.flush();
  }

  private static ImageData imageData(PageImage image) throws InputRejected {
    ImageData data;
    if (image instanceof EncodedImage encoded) {
      data = ImageDataFactory.create(encoded.bytes());
    } else if (image instanceof TiffPage tiff) {
      data = ImageDataFactory.createTiff(tiff.file(), true, tiff.page(), false);
    } else {
      data = RawSamples.of(((RasterImage) image).image());
    }
    // A CMYK JPEG would need a CMYK output intent; store it losslessly as RGB instead.
    if (data.getColorEncodingComponentsNumber() == 4) {
      return RawSamples.of(image.decode());
    }
    return data;
  }

  /**
   * Records what the document is in its XMP: Dublin Core title, date, creator and type, and every
   * field in sohoa's namespace, declared in a PDF/A extension schema as PDF/A-2 requires of
   * properties outside its predefined schemas. Call before {@link #close()}.
   */
  public void describe(ArchiveDescription description) {
    try {
      XMPMeta xmp = pdf.getXmpMetadata(true);
      XMPMetaFactory.getSchemaRegistry().registerNamespace(ArchiveDescription.NAMESPACE,
          ArchiveDescription.PREFIX);
      description.title().ifPresent(title -> {
        try {
          xmp.setLocalizedText(XMPConst.NS_DC, "title", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT, title);
          pdf.getDocumentInfo().setTitle(title);
        } catch (XMPException e) {
          throw new IllegalStateException(e);
        }
      });
      if (description.date().isPresent()) {
        xmp.appendArrayItem(XMPConst.NS_DC, "date",
            new PropertyOptions(PropertyOptions.ARRAY_ORDERED), description.date().get(), null);
      }
      if (description.creator().isPresent()) {
        xmp.appendArrayItem(XMPConst.NS_DC, "creator",
            new PropertyOptions(PropertyOptions.ARRAY_ORDERED), description.creator().get(), null);
      }
      if (description.type().isPresent()) {
        xmp.appendArrayItem(XMPConst.NS_DC, "type", new PropertyOptions(PropertyOptions.ARRAY),
            description.type().get(), null);
      }
      if (!description.fields().isEmpty()) {
        declareExtensionSchema(xmp, description.fields().keySet());
        for (Map.Entry<String, String> field : description.fields().entrySet()) {
          xmp.setProperty(ArchiveDescription.NAMESPACE, field.getKey(), field.getValue());
        }
      }
      pdf.setXmpMetadata(xmp);
    } catch (XMPException e) {
      throw new IllegalStateException("cannot write the document's XMP description", e);
    }
  }

  private static void declareExtensionSchema(XMPMeta xmp, Iterable<String> names)
      throws XMPException {
    xmp.appendArrayItem(XMPConst.NS_PDFA_EXTENSION, "schemas",
        new PropertyOptions(PropertyOptions.ARRAY), null,
        new PropertyOptions(PropertyOptions.STRUCT));
    String schema = "schemas[last()]";
    xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA, "schema",
        "sohoa document fields");
    xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA,
        "namespaceURI", ArchiveDescription.NAMESPACE);
    xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA, "prefix",
        ArchiveDescription.PREFIX);
    String properties = schema + "/pdfaSchema:property";
    xmp.setProperty(XMPConst.NS_PDFA_EXTENSION, properties, null,
        new PropertyOptions(PropertyOptions.ARRAY_ORDERED));
    for (String name : names) {
      xmp.appendArrayItem(XMPConst.NS_PDFA_EXTENSION, properties,
          new PropertyOptions(PropertyOptions.ARRAY_ORDERED), null,
          new PropertyOptions(PropertyOptions.STRUCT));
      String property = properties + "[last()]";
      xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY, "name",
          name);
      xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY,
          "valueType", "Text");
      xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY,
          "category", "external");
      xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY,
          "description", "sohoa document field " + name);
    }
  }

  /** Finishes the document; PDF/A conformance is checked by iText as it closes. */
  @Override
  public void close() {
    pdf.close();
  }
}
