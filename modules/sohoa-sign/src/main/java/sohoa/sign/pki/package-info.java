/**
 * A development PKI (root CA, issuing CA, officer, agency, TSA and OCSP responder certificates,
 * CRLs) for demonstrations and tests. Untrusted by design: nothing it signs means anything outside
 * the machine that made it.
 */
package sohoa.sign.pki;
