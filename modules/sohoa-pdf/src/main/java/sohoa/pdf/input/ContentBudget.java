package sohoa.pdf.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.zip.InflaterInputStream;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import sohoa.core.error.InputTooLarge;

/**
 * Bounds what a PDF page's drawing instructions expand to before anything parses them: a content
 * stream of a few kilobytes on disk can inflate to gigabytes, and reading its text or drawing it
 * would then run for minutes or exhaust the heap. The page's content streams and the forms it
 * draws (followed once each, however often they are referenced) are inflated into a counter,
 * never into memory.
 */
final class ContentBudget {
  /**
   * 64 MB of drawing instructions: a scanned page has a few hundred bytes of them, a dense
   * born-digital page (a map, a table of thousands of cells) a few megabytes.
   */
  static final long MAX_BYTES = 64L << 20;

  private ContentBudget() {}

  /** Refuses page {@code number} when its instructions expand beyond {@link #MAX_BYTES}. */
  static void check(int number, PDPage page) throws IOException, InputTooLarge {
    long[] spent = {0};
    Iterator<PDStream> streams = page.getContentStreams();
    while (streams.hasNext()) {
      spend(number, streams.next(), spent);
    }
    forms(number, page.getResources(), spent,
        Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * The stream decoded as it is read. PDFBox decodes a whole stream into memory first, which is
   * what a bomb counts on; Flate, the filter bombs use, is inflated here on the fly instead.
   * Other filters (ASCII85 and hex shrink, LZW and run-length are rare in practice) go through
   * PDFBox.
   */
  private static InputStream inflated(PDStream stream) throws IOException {
    List<COSName> filters = stream.getFilters();
    COSStream cos = stream.getCOSObject();
    if (!filters.isEmpty() && filters.stream().allMatch(COSName.FLATE_DECODE::equals)
        && cos.getItem(COSName.DECODE_PARMS) == null) {
      InputStream in = cos.createRawInputStream();
      for (int i = 0; i < filters.size(); i++) {
        in = new InflaterInputStream(in);
      }
      return in;
    }
    return cos.createInputStream();
  }

  private static void forms(int number, PDResources resources, long[] spent,
      Set<COSBase> seen) throws IOException, InputTooLarge {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
        spend(number, form.getContentStream(), spent);
        forms(number, form.getResources(), spent, seen);
      }
    }
  }

  private static void spend(int number, PDStream stream, long[] spent)
      throws IOException, InputTooLarge {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = inflated(stream)) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        spent[0] += read;
        if (spent[0] > MAX_BYTES) {
          throw new InputTooLarge(String.format("page %d's drawing instructions expand to more"
              + " than %d MB (a decompression bomb, or a badly broken file)", number,
              MAX_BYTES >> 20), "get the document again from its source; a scan never looks"
              + " like this");
        }
      }
    }
  }
}
