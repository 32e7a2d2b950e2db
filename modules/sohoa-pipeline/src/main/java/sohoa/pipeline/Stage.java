package sohoa.pipeline;

import sohoa.core.error.SohoaException;

/**
 * One step of digitising a document, the way OCRmyPDF's page pipeline composes its steps: an
 * input in, an output out, within a context that tells the step which document (and page) it
 * works on and with what options. {@link DocumentPipeline#process} is these steps in order.
 *
 * @param <C> {@link DocumentContext} for a step over the whole document, {@link PageContext} for
 *     a step over one page
 */
@FunctionalInterface
interface Stage<C, I, O> {
  /**
   * @throws SohoaException when the input is rejected (the document fails and is quarantined) or
   *     a service the step needs fails
   */
  O run(C context, I input) throws SohoaException;
}
