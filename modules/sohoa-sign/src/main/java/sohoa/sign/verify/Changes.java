package sohoa.sign.verify;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.sign.pdf.BoundedReaders;

/**
 * What changed in a PDF after each of its signatures: the revision each one signed against the
 * document as it is, object by object ({@link RevisionComparison}) and as rendered, every page
 * ({@link RenderedPages}). One per verification: the final document is rendered once for all its
 * signatures.
 */
final class Changes implements AutoCloseable {
  /**
   * What one signature's revision comparison found.
   *
   * @param changes every change after the signature, allowed or not
   * @param uncertain why the comparison could not be finished, when it could not
   */
  record Outcome(List<Change> changes, Optional<String> uncertain) {
    Outcome {
      changes = List.copyOf(changes);
    }
  }

  private final SignatureUtil signatures;
  private final PdfDocument now;
  private final byte[] bytes;
  private RenderedPages rendered;

  Changes(SignatureUtil signatures, PdfDocument now, byte[] bytes) {
    this.signatures = signatures;
    this.now = now;
    this.bytes = bytes;
  }

  Outcome after(String name) throws IOException {
    if (signatures.signatureCoversWholeDocument(name)) {
      return new Outcome(List.of(), Optional.empty());
    }
    byte[] revision;
    try (InputStream in = signatures.extractRevision(name)) {
      revision = in.readAllBytes();
    }
    List<Change> changes = new ArrayList<>();
    try (PdfDocument signed = new PdfDocument(BoundedReaders.openRevision(revision))) {
      Permissions permissions = Permissions.of(signed, signatures.getSignatureDictionary(name),
          signatures.getSignatureFormFieldDictionary(name));
      RevisionComparison.Result compared;
      try {
        compared = RevisionComparison.compare(signed, now, permissions);
      } catch (ObjectComparison.TooLarge e) {
        return new Outcome(changes, Optional.of(e.getMessage()));
      }
      changes.addAll(compared.changes());
      laterSignatures(name, permissions, changes);
      Optional<String> unrendered = rendering(revision, compared.drawnSince(), changes);
      return new Outcome(changes, unrendered);
    }
  }

  /** The signatures and document timestamps made after {@code name}, by name. */
  private void laterSignatures(String name, Permissions permissions, List<Change> changes) {
    List<String> names = signatures.getSignatureNames();
    for (String later : names.subList(names.indexOf(name) + 1, names.size())) {
      boolean timestamp = PdfName.ETSI_RFC3161.equals(
          signatures.getSignature(later).getSubFilter());
      changes.add(timestamp
          ? Change.allowed(ChangeClass.SIGNATURE, "document timestamp " + later + " added")
          : new Change(ChangeClass.SIGNATURE, OptionalInt.empty(), "signature " + later
              + " added" + (permissions.noChanges()
                  ? " to a document certified as allowing no changes" : ""),
              !permissions.noChanges()));
    }
  }

  /**
   * Every page of the signed revision against the same page now, as rendered; and what allowed
   * changes drew must not cover what was printed when signed.
   */
  private Optional<String> rendering(byte[] revision, Map<Integer, List<Rectangle>> drawn,
      List<Change> changes) {
    try (RenderedPages before = RenderedPages.of(revision)) {
      RenderedPages after = rendered();
      List<Integer> differing = new ArrayList<>();
      for (int page = 1; page <= Math.min(before.count(), after.count()); page++) {
        if (!after.sameAs(before, page, drawn.getOrDefault(page, List.of()))) {
          differing.add(page);
        }
      }
      if (!differing.isEmpty()) {
        changes.add(Change.refused(ChangeClass.RENDERING, OptionalInt.of(differing.get(0)),
            (differing.size() == 1 ? "page " : "pages ") + String.join(", ",
                differing.stream().map(String::valueOf).toList())
                + (differing.size() == 1 ? " looks" : " look")
                + " different now from the revision that was signed"));
      }
      for (Map.Entry<Integer, List<Rectangle>> page : drawn.entrySet()) {
        for (Rectangle box : page.getValue()) {
          if (page.getKey() <= before.count() && before.printedUnder(page.getKey(), box)) {
            changes.add(Change.refused(ChangeClass.RENDERING, OptionalInt.of(page.getKey()),
                "what was added after signing on page " + page.getKey() + " at "
                    + area(box) + " is drawn over what was signed"));
          }
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("the pages could not be rendered to compare them with the signed"
          + " revision: " + e.getMessage());
    }
  }

  private RenderedPages rendered() throws IOException {
    if (rendered == null) {
      rendered = RenderedPages.of(bytes);
    }
    return rendered;
  }

  private static String area(Rectangle box) {
    return "[" + Math.round(box.getLeft()) + " " + Math.round(box.getBottom()) + " "
        + Math.round(box.getRight()) + " " + Math.round(box.getTop()) + "]";
  }

  @Override
  public void close() throws IOException {
    if (rendered != null) {
      rendered.close();
    }
  }
}
