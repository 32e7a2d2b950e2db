/** Hộ tịch: birth certificates and death extracts, read by their printed labels. */
@NullMarked
package sohoa.extract.civil;

import org.jspecify.annotations.NullMarked;
