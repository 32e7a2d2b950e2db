/**
 * The object store: content-addressed originals and per-document artifacts under stable keys, on
 * the local filesystem by default (S3 for shared deployments).
 */
@NullMarked
package sohoa.store;

import org.jspecify.annotations.NullMarked;
