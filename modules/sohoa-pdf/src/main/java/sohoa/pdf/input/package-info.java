/**
 * Reading inputs page by page: scanned images (TIFF, PNG, JPEG) and PDFs, keeping each page's image
 * in its original encoding where that is possible, so the archive copy is not recompressed.
 */
@NullMarked
package sohoa.pdf.input;

import org.jspecify.annotations.NullMarked;
