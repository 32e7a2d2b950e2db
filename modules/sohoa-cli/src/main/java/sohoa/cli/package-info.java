/** The {@code sohoa} command: one class per subcommand, exit codes from one place. */
@NullMarked
package sohoa.cli;

import org.jspecify.annotations.NullMarked;
