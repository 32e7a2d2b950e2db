/** The closed set of failures an officer can act on, each with an exit status and a remedy. */
@NullMarked
package sohoa.core.error;

import org.jspecify.annotations.NullMarked;
