package sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;
import sohoa.core.document.InputFormat;
import sohoa.core.text.TextLine;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.file.FileMetadata;

/**
 * A document read and archived, not yet stored: its format, the file's own metadata, its pages as
 * written, its fields, and its finished (sealed, with {@code --sign}) PDF/A in the work folder.
 */
record Digitised(InputFormat format, FileMetadata file, List<WrittenPage> pages,
    DocumentFields fields, Path pdfa) {
  Digitised {
    pages = List.copyOf(pages);
  }

  /** Pages separated by form feeds, as pdftotext does, lines by newlines. */
  String fullText() {
    StringBuilder text = new StringBuilder();
    for (WrittenPage page : pages) {
      if (!text.isEmpty()) {
        text.append('\f');
      }
      for (TextLine line : page.text().lines()) {
        text.append(line.text()).append('\n');
      }
    }
    return text.toString();
  }

  float meanConfidence() {
    return (float) pages.stream().mapToDouble(p -> p.text().meanConfidence()).average()
        .orElse(0);
  }

  /** The numbers of the pages someone should look at. */
  List<Integer> review() {
    return pages.stream().filter(p -> p.entry().needsReview()).map(p -> p.entry().number())
        .toList();
  }
}
