/**
 * The document pipeline: the one composition of the capability modules (intake, pages, OCR,
 * PDF/A, store, catalog) that the batch runner, the streaming worker and the HTTP upload all drive.
 */
@NullMarked
package sohoa.pipeline;

import org.jspecify.annotations.NullMarked;
