/**
 * Electronic certified copies from originals (chứng thực bản sao điện tử từ bản chính): the
 * digitised document's PDF/A with a certification page carrying the lời chứng, the register
 * number from the catalog's sổ chứng thực and a QR code to the verification page, signed by the
 * certifying officer and then by the agency, stored under {@code copies/<copy-id>/}.
 * {@link sohoa.certify.CertificationService} issues them; {@link
 * sohoa.certify.CertifiedCopyReader} recognises one and checks it against its original.
 */
package sohoa.certify;
