package sohoa.ocr.format;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import sohoa.core.text.Box;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * Writes ALTO 4 XML, the Library of Congress layout format archives exchange: one Page per page,
 * a TextLine per line, a String per word with its word confidence (WC, 0 to 1), in pixels.
 */
public final class AltoWriter {
  private static final String NS = "http://www.loc.gov/standards/alto/ns-v4#";

  private AltoWriter() {}

  /** Writes the document to {@code out}; the caller keeps ownership of the stream. */
  public static void write(List<OcrPage> pages, String sourceName, String engine, String version,
      OutputStream out) {
    XmlDocument.write(out, "ALTO", xml -> {
      xml.writeStartElement("alto");
      xml.writeDefaultNamespace(NS);
      xml.writeStartElement("Description");
      XmlDocument.element(xml, "MeasurementUnit", "pixel");
      xml.writeStartElement("sourceImageInformation");
      XmlDocument.element(xml, "fileName", sourceName);
      xml.writeEndElement();
      xml.writeStartElement("OCRProcessing");
      xml.writeAttribute("ID", "OCR_0");
      xml.writeStartElement("ocrProcessingStep");
      xml.writeStartElement("processingSoftware");
      XmlDocument.element(xml, "softwareName", "sohoa");
      XmlDocument.element(xml, "softwareVersion", version + " (" + engine + ")");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeStartElement("Layout");
      int lineId = 0;
      int wordId = 0;
      for (OcrPage page : pages) {
        xml.writeStartElement("Page");
        xml.writeAttribute("ID", "page_" + page.number());
        xml.writeAttribute("PHYSICAL_IMG_NR", Integer.toString(page.number()));
        xml.writeAttribute("WIDTH", Integer.toString(page.scanWidth()));
        xml.writeAttribute("HEIGHT", Integer.toString(page.scanHeight()));
        xml.writeStartElement("PrintSpace");
        position(xml, new Box(0, 0, page.scanWidth(), page.scanHeight()));
        xml.writeStartElement("TextBlock");
        xml.writeAttribute("ID", "block_" + page.number());
        for (TextLine line : page.text().lines()) {
          xml.writeStartElement("TextLine");
          xml.writeAttribute("ID", "line_" + (++lineId));
          position(xml, page.onScan(line.box()));
          List<Word> words = line.words();
          for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
              xml.writeEmptyElement("SP");
            }
            Word word = words.get(i);
            xml.writeEmptyElement("String");
            xml.writeAttribute("ID", "string_" + (++wordId));
            position(xml, page.onScan(word.box()));
            xml.writeAttribute("CONTENT", word.text());
            xml.writeAttribute("WC", String.format(Locale.ROOT, "%.2f", word.confidence() / 100));
          }
          xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
    });
  }

  private static void position(XMLStreamWriter xml, Box box) throws XMLStreamException {
    xml.writeAttribute("HPOS", Integer.toString(box.left()));
    xml.writeAttribute("VPOS", Integer.toString(box.top()));
    xml.writeAttribute("WIDTH", Integer.toString(box.width()));
    xml.writeAttribute("HEIGHT", Integer.toString(box.height()));
  }
}
