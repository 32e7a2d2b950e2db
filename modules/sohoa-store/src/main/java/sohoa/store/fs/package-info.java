/** The embedded default object store: a folder on the local filesystem. */
@NullMarked
package sohoa.store.fs;

import org.jspecify.annotations.NullMarked;
