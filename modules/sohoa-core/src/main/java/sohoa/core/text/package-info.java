/** Recognised or embedded page text: words with boxes and confidences, in page pixel coordinates. */
@NullMarked
package sohoa.core.text;

import org.jspecify.annotations.NullMarked;
