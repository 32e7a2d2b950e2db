/**
 * Streaming intake: scans dropped into a watched folder are taken once completely written,
 * digitised in process or handed to the workers, and moved out of the way.
 */
package sohoa.pipeline.intake;
