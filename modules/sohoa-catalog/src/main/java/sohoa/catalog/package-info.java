/**
 * The catalog: an index over what the store holds (documents, artifacts, pages) and the record of
 * jobs, over JDBC with Flyway-managed schema; H2 embedded by default.
 */
@NullMarked
package sohoa.catalog;

import org.jspecify.annotations.NullMarked;
