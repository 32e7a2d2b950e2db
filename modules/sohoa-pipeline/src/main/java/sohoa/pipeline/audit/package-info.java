/**
 * The audit log anchored outside the catalog: signed, timestamped checkpoints of its head in the
 * object store, against which a log truncated and rewritten in the database is found out.
 */
package sohoa.pipeline.audit;
