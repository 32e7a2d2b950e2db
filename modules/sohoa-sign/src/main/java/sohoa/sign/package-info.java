/**
 * Electronic signatures: PAdES baseline signing (ETSI EN 319 142-1, levels B-B to B-LTA) with iText
 * and Bouncy Castle, the identities that sign, and a development PKI with its own timestamp, OCSP
 * and CRL service so that every level can be made and checked offline.
 */
package sohoa.sign;
