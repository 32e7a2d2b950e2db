package sohoa.pipeline;

import java.util.List;
import java.util.Map;

/**
 * {@code documents/<id>/manifest.json}: everything known about a document, including the hash of
 * every artifact, so that the catalog can be rebuilt from the store alone.
 */
record Manifest(String schema, String documentId, Source source, FileEntry file, Seal seal,
    String createdAt, int pageCount,
    float meanConfidence, List<Integer> needsReview, List<PageEntry> pages, Fields fields,
    Map<String, Artifact> artifacts, Timings timings, Map<String, String> tools) {
  static final String SCHEMA = "sohoa.manifest/1";

  record Source(String name, String mediaType, String sha256, long size) {}

  /**
   * The agency's seal on the PDF/A ({@code digitize --sign}); null when it is not sealed.
   *
   * @param untrusted signed with sohoa's development identity: proves nothing outside this machine
   */
  record Seal(String level, String signer, boolean untrusted) {}

  /**
   * What the input said about itself, as Tika read it; null where it said nothing.
   *
   * @param mediaType the type it was read as
   * @param properties everything Tika found, by Tika's names (document information, XMP, EXIF)
   * @param problem why it could not be read in full, when it could not
   */
  record FileEntry(String mediaType, String title, String author, String creatorTool,
      String producer, String created, String modified, Integer pageCount, boolean xmp,
      Map<String, String> properties, String problem) {}

  /**
   * @param image how the page image went into the PDF/A: {@code jpeg}, {@code png}, {@code tiff}
   *     (the input's own bytes), {@code lossless} (decoded, then stored without loss) or
   *     {@code cleaned} (the page as read, paper evened out, stored without loss: asked for)
   * @param dpiEstimated the file declared no resolution (or nonsense) and {@code dpiX}/{@code dpiY}
   *     were estimated from the size of the page's letters (false: declared, or assumed 300)
   * @param readAtDpi the resolution OCR read the page at: above the scan's when it was enlarged
   * @param paperEvened its paper was uneven (shadow, tint) and was evened out for reading
   * @param rotated degrees the scan was turned clockwise to stand upright (0, 90, 180, 270)
   * @param skew degrees its text ran clockwise once upright; OCR read it straightened
   * @param text {@code ocr} or {@code embedded}
   * @param needsReview its mean word confidence is below the run's review threshold
   * @param syllables words that are Vietnamese syllables (codes, numbers, names in capitals aside)
   * @param impossibleSyllables of those, the ones Vietnamese cannot have as read
   * @param corrections words corrected, each with what the engine read: a typewriter's small l
   *     read as a capital L (always), misread diacritics (when asked)
   * @param preparation what was done to the image to read it, and why (null: the page had text)
   */
  record PageEntry(int number, int widthPx, int heightPx, double dpiX, double dpiY,
      boolean dpiAssumed, boolean dpiEstimated, String image, int readAtDpi, boolean paperEvened,
      int rotated, double skew, String text, int words, float meanConfidence, boolean needsReview, int syllables, int impossibleSyllables,
      List<Correction> corrections, Preparation preparation, long ocrMillis) {}

  /**
   * How a page was prepared for reading; see {@link sohoa.ocr.Preparation} for each value.
   *
   * @param orientation the turn, what decided it, and the evidence
   * @param edges patches around the paper erased for reading (copier edges, gutter, background)
   * @param rules rules and frames longer than a line of print erased for reading
   * @param holes punch holes erased for reading
   * @param perspective degrees by which a photographed page's lines converged, undone for reading
   * @param strayWords words read off marks that are not print, left out of the text
   * @param typewritten the page's letters all take one width, as a typewriter's do
   * @param loweredLs a typewriter's small l read as a capital L mid-sentence, given as the l
   */
  record Preparation(OrientationEntry orientation, int edges, int rules, int holes, String colour,
      String contrast, double perspective, String enlargement, int strayWords, boolean typewritten,
      int loweredLs) {
    static Preparation of(sohoa.ocr.Preparation p) {
      sohoa.ocr.Orientation o = p.orientation();
      return new Preparation(new OrientationEntry(o.quarterTurns() * 90, o.decidedBy(), o.lines(),
          o.confidence(), o.otherConfidence().orElse(null), o.unsure()), p.edges(), p.rules(),
          p.holes(), p.colour(), p.contrast(), p.perspective(), p.enlargement(), p.strayWords(),
          p.typewritten(), p.loweredLs());
    }
  }

  /**
   * @param degrees the clockwise turn given to the scan (as {@code rotated})
   * @param decidedBy {@code lines}, {@code lines+reading}, {@code lines+osd}, {@code osd},
   *     {@code reading} or {@code kept-as-scanned}
   * @param lines which way the lines of print ran: {@code across}, {@code down}, {@code unclear}
   * @param confidence mean word confidence of the reading kept
   * @param otherConfidence that of the reading the other way, when the page was read twice
   * @param unsure the evidence disagreed and the page was kept as scanned: look at it
   */
  record OrientationEntry(int degrees, String decidedBy, String lines, float confidence,
      Float otherConfidence, boolean unsure) {}

  /** What the document is ({@code administrative}, {@code birth_certificate}, …) and its fields. */
  record Fields(String kind, List<FieldEntry> values) {}

  /**
   * @param box left, top, right, bottom in the page's text coordinates (the upright, straightened
   *     page), or null when the field has no single place (national_title)
   * @param unsure the reading is below the confidence sohoa trusts: check it
   */
  record FieldEntry(String name, String value, double confidence, boolean unsure, int page,
      int[] box) {}

  record Correction(String read, String corrected, float confidence) {}

  record Artifact(String key, String sha256, long size) {}

  record Timings(long totalMillis, long ocrMillis) {}
}
