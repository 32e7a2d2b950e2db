/** Reading PDFs with iText under explicit limits. */
@NullMarked
package sohoa.sign.pdf;

import org.jspecify.annotations.NullMarked;
