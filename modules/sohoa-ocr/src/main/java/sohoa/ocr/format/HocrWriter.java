package sohoa.ocr.format;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import sohoa.core.text.Box;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/** Writes hOCR 1.2 (XHTML): one ocr_page per page, ocr_line and ocrx_word with bbox and x_wconf. */
public final class HocrWriter {
  private HocrWriter() {}

  /** Writes the document to {@code out}; the caller keeps ownership of the stream. */
  public static void write(List<OcrPage> pages, String title, String engine, OutputStream out) {
    XmlDocument.write(out, "hOCR", xml -> {
      xml.writeStartElement("html");
      xml.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
      xml.writeAttribute("xml:lang", "vi");
      xml.writeAttribute("lang", "vi");
      xml.writeStartElement("head");
      XmlDocument.element(xml, "title", title);
      meta(xml, "ocr-system", engine);
      meta(xml, "ocr-capabilities", "ocr_page ocr_line ocrx_word");
      xml.writeEmptyElement("meta");
      xml.writeAttribute("http-equiv", "Content-Type");
      xml.writeAttribute("content", "text/html;charset=utf-8");
      xml.writeEndElement();
      xml.writeStartElement("body");
      int lineId = 0;
      int wordId = 0;
      for (OcrPage page : pages) {
        xml.writeStartElement("div");
        xml.writeAttribute("class", "ocr_page");
        xml.writeAttribute("id", "page_" + page.number());
        xml.writeAttribute("title", String.format(Locale.ROOT, "ppageno %d; bbox 0 0 %d %d; textangle %s",
            page.number() - 1, page.scanWidth(), page.scanHeight(),
            Double.toString(page.alignment().quarterTurns() * 90 + page.alignment().skewDegrees())));
        for (TextLine line : page.text().lines()) {
          xml.writeStartElement("span");
          xml.writeAttribute("class", "ocr_line");
          xml.writeAttribute("id", "line_" + (++lineId));
          xml.writeAttribute("title", bbox(page.onScan(line.box())));
          for (Word word : line.words()) {
            xml.writeStartElement("span");
            xml.writeAttribute("class", "ocrx_word");
            xml.writeAttribute("id", "word_" + (++wordId));
            xml.writeAttribute("title", bbox(page.onScan(word.box())) + "; x_wconf "
                + Math.round(word.confidence()));
            xml.writeCharacters(word.text());
            xml.writeEndElement();
            xml.writeCharacters(" ");
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
    });
  }

  private static String bbox(Box box) {
    return "bbox " + box.left() + " " + box.top() + " " + box.right() + " " + box.bottom();
  }

  private static void meta(XMLStreamWriter xml, String name, String content) throws XMLStreamException {
    xml.writeEmptyElement("meta");
    xml.writeAttribute("name", name);
    xml.writeAttribute("content", content);
  }
}
