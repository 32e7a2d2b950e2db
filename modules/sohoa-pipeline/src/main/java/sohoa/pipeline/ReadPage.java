package sohoa.pipeline;

import java.util.Optional;
import sohoa.core.error.SohoaException;
import sohoa.ocr.PageRecognizer;
import sohoa.ocr.Recognition;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.RasterImage;
import sohoa.pdf.input.Resolution;
import sohoa.pdf.input.SourcePage;

/**
 * Orients, prepares and reads one page ({@link PageRecognizer}); a born-digital page keeps its
 * own text and is not read. Runs on the page threads.
 */
final class ReadPage implements Stage<PageContext, SourcePage, PageResult> {
  private final PageRecognizer recognizer;

  ReadPage(PageRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public PageResult run(PageContext page, SourcePage source) throws SohoaException {
    if (source.embeddedText().isPresent()) {
      return PageResult.ownText(source.image(), source.embeddedText().get());
    }
    long start = System.nanoTime();
    PageImage scan = source.image();
    Recognition read = recognizer.read(scan.decode(), scan.resolution().forOcr(),
        !scan.resolution().assumed());
    Resolution resolution = read.estimatedDpi().isPresent()
        ? new Resolution(read.estimatedDpi().getAsInt(), read.estimatedDpi().getAsInt(), true)
        : scan.resolution();
    PageImage archived = read.cleaned().isPresent()
        ? new RasterImage(scan.page(), read.cleaned().get(), resolution)
        : scan.at(resolution);
    return new PageResult(archived, read.cleaned().isPresent(), read.alignment(), read.text(),
        read.estimatedDpi().isPresent(), read.readAtDpi(), read.paperEvened(), read.syllables(),
        read.impossible(), read.corrections(), Optional.of(read.preparation()),
        (System.nanoTime() - start) / 1_000_000);
  }
}
