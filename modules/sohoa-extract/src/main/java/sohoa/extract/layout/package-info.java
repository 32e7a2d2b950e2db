/** Where text lies on a page: lines split into column segments, columns and centred lines. */
@NullMarked
package sohoa.extract.layout;

import org.jspecify.annotations.NullMarked;
