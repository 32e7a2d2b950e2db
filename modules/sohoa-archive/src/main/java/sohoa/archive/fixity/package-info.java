/**
 * Fixity audits ({@code sohoa check}): proof, years later, that nothing in the archive changed or
 * went missing. Every artifact is hashed again against its manifest; the store and the catalog
 * are compared both ways.
 */
package sohoa.archive.fixity;
