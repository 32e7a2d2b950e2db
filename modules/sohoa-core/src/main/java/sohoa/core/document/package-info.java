/** Identity of a document: content hashes and document ids derived from them. */
@NullMarked
package sohoa.core.document;

import org.jspecify.annotations.NullMarked;
