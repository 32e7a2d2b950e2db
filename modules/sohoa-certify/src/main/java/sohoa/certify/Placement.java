package sohoa.certify;

/** Where the lời chứng goes on the copy. */
public enum Placement {
  /** On a certification page of its own after the document's pages (the default). */
  PAGE,
  /** In a stamp area at the foot of the document's last page, as on a paper copy. */
  STAMP
}
