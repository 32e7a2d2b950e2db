package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incremental update written byte by byte, as an attacker with a text editor would: the given
 * objects, a cross-reference section for them alone and a trailer pointing back to the signed
 * file's. No library tidies it up on the way.
 */
final class RawUpdate {
  private RawUpdate() {}

  /**
   * @param objects object number → the object's body (a dictionary in PDF syntax)
   * @param root the catalog's object number in the update, or -1 to keep the signed file's
   */
  static byte[] append(byte[] signed, Map<Integer, String> objects, int root) throws IOException {
    int size;
    String rootRef;
    String info;
    String id;
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      PdfDictionary trailer = pdf.getTrailer();
      size = pdf.getNumberOfPdfObjects();
      rootRef = root >= 0 ? root + " 0 R" : reference(trailer.get(PdfName.Root, false));
      PdfObject i = trailer.get(PdfName.Info, false);
      info = i == null ? "" : " /Info " + reference(i);
      PdfArray ids = trailer.getAsArray(PdfName.ID);
      StringBuilder hex = new StringBuilder();
      for (int n = 0; ids != null && n < ids.size(); n++) {
        hex.append('<').append(HexFormat.of().formatHex(ids.getAsString(n).getValueBytes()))
            .append('>');
      }
      id = ids == null ? "" : " /ID [" + hex + "]";
    }
    int previous = startXref(signed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(signed);
    if (signed[signed.length - 1] != '\n') {
      out.write('\n');
    }
    Map<Integer, Integer> offsets = new TreeMap<>();
    for (Map.Entry<Integer, String> object : new TreeMap<>(objects).entrySet()) {
      offsets.put(object.getKey(), out.size());
      out.writeBytes((object.getKey() + " 0 obj\n" + object.getValue() + "\nendobj\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      size = Math.max(size, object.getKey() + 1);
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
    for (Map.Entry<Integer, Integer> offset : offsets.entrySet()) {
      table.append(offset.getKey()).append(" 1\n")
          .append(String.format("%010d 00000 n \n", offset.getValue()));
    }
    table.append("trailer\n<< /Size ").append(size).append(" /Root ").append(rootRef)
        .append(info).append(id).append(" /Prev ").append(previous).append(" >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static String reference(PdfObject object) {
    return object.isIndirectReference() ? object.toString()
        : object.getIndirectReference().toString();
  }

  private static int startXref(byte[] pdf) {
    String tail = new String(pdf, Math.max(0, pdf.length - 64), Math.min(64, pdf.length),
        StandardCharsets.ISO_8859_1);
    String after = tail.substring(tail.lastIndexOf("startxref") + "startxref".length()).strip();
    return Integer.parseInt(after.substring(0, after.indexOf('%')).strip());
  }
}
