/** Batch jobs over files, folders and lists: concurrency, quarantine, job records and summary. */
@NullMarked
package sohoa.pipeline.batch;

import org.jspecify.annotations.NullMarked;
