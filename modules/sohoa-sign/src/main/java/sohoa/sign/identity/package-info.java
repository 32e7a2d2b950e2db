/** Who signs: a private key and its certificate chain, from a PKCS#12 file or a PKCS#11 token. */
package sohoa.sign.identity;
