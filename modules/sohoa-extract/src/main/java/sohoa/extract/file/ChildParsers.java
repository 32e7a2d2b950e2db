package sohoa.extract.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.ParserFactory;
import org.apache.tika.parser.image.ImageParser;
import org.apache.tika.parser.image.JpegParser;
import org.apache.tika.parser.image.TiffParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Builds, inside Tika's child process, the parser {@link FileMetadataReader} reads with. Tika
 * makes it by name in the child, so it is public; nothing else should use it.
 *
 * <p>The parser it builds says why a file could not be read as a metadata entry instead of
 * throwing: Tika 3 hands a child's exception back to this process through a stream that finds
 * classes only among the JDK's own, so any Tika or PDFBox exception would arrive as a lost child,
 * the answer for a file that exhausted the child's memory. Running out of memory is still thrown,
 * as the JDK's own error, which does arrive.
 */
public final class ChildParsers extends ParserFactory {
  /** Why the file could not be read, when it could not. */
  static final String FAILURE = "X-SOHOA:failure";
  /** {@code io} when the file's bytes could not be read; {@code parse} when they made no sense. */
  static final String FAILURE_KIND = "X-SOHOA:failure-kind";

  /** Called by Tika's {@code ParserFactoryFactory}; there are no arguments. */
  public ChildParsers(Map<String, String> args) {
    super(args);
  }

  @Override
  public Parser build() {
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    pdf.setExtractAnnotationText(false);
    PDFParser pdfParser = new PDFParser();
    pdfParser.setPDFParserConfig(pdf);
    return new FailureReporting(new AutoDetectParser(pdfParser, new JpegParser(),
        new TiffParser(), new ImageParser()));
  }

  /** Turns a parse failure into two metadata entries the parent reads back. */
  private static final class FailureReporting extends ParserDecorator {
    private static final long serialVersionUID = 1L;

    FailureReporting(Parser parser) {
      super(parser);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata,
        ParseContext context) throws IOException, SAXException, TikaException {
      try {
        super.parse(stream, handler, metadata, context);
      } catch (IOException e) {
        report(handler, "io", e);
      } catch (SAXException | TikaException | RuntimeException e) {
        report(handler, "parse", e);
      }
    }

    private static void report(ContentHandler handler, String kind, Exception e)
        throws SAXException {
      if (ParseFailures.outOfMemory(e)) {
        throw new OutOfMemoryError(ParseFailures.reason(e));
      }
      meta(handler, FAILURE_KIND, kind);
      meta(handler, FAILURE, ParseFailures.reason(e));
    }

    private static void meta(ContentHandler handler, String name, String content)
        throws SAXException {
      AttributesImpl attributes = new AttributesImpl();
      attributes.addAttribute("", "name", "name", "CDATA", name);
      attributes.addAttribute("", "content", "content", "CDATA", content);
      handler.startElement("http://www.w3.org/1999/xhtml", "meta", "meta", attributes);
      handler.endElement("http://www.w3.org/1999/xhtml", "meta", "meta");
    }
  }
}
