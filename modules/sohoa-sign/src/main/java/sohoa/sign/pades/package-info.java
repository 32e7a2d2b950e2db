/**
 * PAdES baseline signatures (ETSI EN 319 142-1): B-B, B-T with an RFC 3161 timestamp, B-LT with
 * the chain's revocation data in the document security store, B-LTA with a document timestamp.
 */
package sohoa.sign.pades;
