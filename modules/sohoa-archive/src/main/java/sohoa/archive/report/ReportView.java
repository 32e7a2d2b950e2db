package sohoa.archive.report;

import java.util.List;
import java.util.Objects;

/**
 * What a job report shows, flattened for its template: text ready to print, nothing left to
 * compute while rendering. Public because the template engine reads it reflectively.
 *
 * @param documents in report order, made one at a time as the template walks them
 */
public record ReportView(String jobId, String state, String resume, String started,
    String finished,
    String elapsed, String pagesPerMinute, int inputs, int done, int reused, int failed,
    int pending, int pages, int reviewPages, String madeAt, Iterable<Document> documents) {
  public ReportView {
    Objects.requireNonNull(documents, "documents");
  }

  /**
   * One input of the job and, when it became a document, what sohoa made of it.
   *
   * @param status {@code done}, {@code reused}, {@code failed} or {@code queued}: the CSS class
   * @param hiddenPages pages not pictured (a report pictures a few pages per document)
   */
  public record Document(String source, String status, String statusLabel, String documentId,
      String kind, int pageCount, String confidence, String confidenceClass, int reviewCount,
      String time, String seal, String error, String reason, String fix, String detail,
      List<Page> pages,
      List<Field> fields, List<Link> artifacts, int hiddenPages) {
    public Document {
      pages = List.copyOf(pages);
      fields = List.copyOf(fields);
      artifacts = List.copyOf(artifacts);
    }
  }

  /**
   * @param preparation what was done to read the page (turn and its evidence, borders, colour,
   *     contrast, enlargement), or null for a page with its own text
   * @param thumbnail a {@code data:} URI, or null when the page is not pictured
   */
  public record Page(int number, String confidence, String confidenceClass, boolean needsReview,
      String origin, String preparation, String thumbnail) {}

  public record Field(String label, String value, String confidence, boolean unsure) {}

  /**
   * @param kind the artifact's kind as stored ({@code pdfa}), @param label as the officer reads it
   * @param href where to fetch it from, or null when the store offers no address
   */
  public record Link(String kind, String label, String key, String href, String sha256,
      String size) {}
}
