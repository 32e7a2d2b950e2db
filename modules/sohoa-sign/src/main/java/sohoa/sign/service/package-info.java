/**
 * The development PKI's services on loopback: RFC 3161 timestamps, OCSP (RFC 6960) and the CAs'
 * CRLs and certificates, so that B-T, B-LT and B-LTA can be made and validated offline.
 */
package sohoa.sign.service;
