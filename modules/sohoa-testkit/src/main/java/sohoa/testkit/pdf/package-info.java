/** Independent checks of PDFs that sohoa writes, with other people's tools. */
@NullMarked
package sohoa.testkit.pdf;

import org.jspecify.annotations.NullMarked;
