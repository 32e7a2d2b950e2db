/** What sohoa reads of a PDF's bytes itself, before any PDF library parses them. */
@NullMarked
package sohoa.core.pdf;

import org.jspecify.annotations.NullMarked;
