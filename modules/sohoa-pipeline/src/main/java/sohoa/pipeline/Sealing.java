package sohoa.pipeline;

import java.util.Objects;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;

/**
 * How each PDF/A is sealed with the agency's signature before it is stored ({@code digitize
 * --sign}).
 *
 * @param signer the agency's identity and its timestamp authority
 * @param level the PAdES level of the seal
 * @param untrusted the identity is sohoa's development identity: said in every manifest
 */
public record Sealing(PadesSigner signer, SignatureLevel level, boolean untrusted) {
  public Sealing {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(level, "level");
  }
}
