package sohoa.ocr;

/**
 * What was done to a page's image before it was read, decided page by page from what the page
 * shows, and recorded in the manifest and the job report. The scan itself is never changed (unless
 * the image as read is archived on request).
 *
 * @param orientation the turn and its evidence
 * @param edges patches around the paper erased for reading (a copier's dark edges and gutter, the
 *     table under a photographed sheet)
 * @param rules rules and frames longer than any line of print erased for reading
 * @param holes punch holes erased for reading
 * @param colour {@code none} (no coloured ink) or {@code removed} (red and blue ink, seals and
 *     signatures, left out of the image read so that the print under them shows)
 * @param contrast {@code as-scanned} or {@code paper-evened} (shadow or tint divided out), after
 *     {@code bilevel-softened, } or {@code bilevel-thickened, } for a black-and-white scan (see
 *     {@link sohoa.ocr.preprocess.Bilevel})
 * @param perspective how far, in degrees, the slope of a photographed page's lines changed from
 *     the top line to the bottom, undone for reading (see {@link sohoa.ocr.preprocess.Keystone});
 *     0 for a page whose lines run parallel
 * @param enlargement {@code none}, or how a coarse scan was enlarged for reading
 * @param strayWords words read off marks that are not print (a black seal's ring and letters, a
 *     signature, specks) and left out of the text (see {@link StrayMarks})
 * @param typewritten the page's letters all take one width, as a typewriter's do
 * @param loweredLs on a typewritten page, a typewriter's small l the engine read as a capital L
 *     mid-sentence, given as the l (see {@link sohoa.ocr.vietnamese.Typewriting})
 */
public record Preparation(Orientation orientation, int edges, int rules, int holes, String colour,
    String contrast, double perspective, String enlargement, int strayWords, boolean typewritten,
    int loweredLs) {}
