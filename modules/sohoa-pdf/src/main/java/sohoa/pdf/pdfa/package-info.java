/** Writing archival PDF/A: page images with an invisible, searchable text layer and XMP. */
@NullMarked
package sohoa.pdf.pdfa;

import org.jspecify.annotations.NullMarked;
