/**
 * Verifying signed PDFs: for each signature its integrity, byte range, chain to a trust anchor,
 * validity and revocation at signing time, timestamps, PAdES level, and what changed after it.
 */
package sohoa.sign.verify;
