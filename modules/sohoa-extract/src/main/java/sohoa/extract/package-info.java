/** What a file is and what it says about itself, through Apache Tika (whose OCR never runs here). */
@NullMarked
package sohoa.extract;

import org.jspecify.annotations.NullMarked;
