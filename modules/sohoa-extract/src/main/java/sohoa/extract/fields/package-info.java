/** The fields read off a document, as values: names, values, confidences and positions. */
@NullMarked
package sohoa.extract.fields;

import org.jspecify.annotations.NullMarked;
