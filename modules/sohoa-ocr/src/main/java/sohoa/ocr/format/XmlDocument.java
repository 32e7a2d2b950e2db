package sohoa.ocr.format;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The frame of a UTF-8 XML document written with StAX: open, write the body, close. */
final class XmlDocument {
  private XmlDocument() {}

  /** What goes between the XML declaration and the end of the document. */
  interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  /** Writes to {@code out}, which the caller keeps open and owns. */
  static void write(OutputStream out, String format, Body body) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + format, e);
    }
  }

  static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
