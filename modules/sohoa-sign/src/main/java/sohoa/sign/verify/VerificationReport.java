package sohoa.sign.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What verifying a PDF found: a report per signature, in signing order, and the overall verdict
 * (the worst of them; INVALID when the file cannot be read or holds no signature).
 *
 * @param problem why the file itself could not be verified, when it could not
 */
public record VerificationReport(String file, List<SignatureReport> signatures,
    Optional<String> problem, Verdict verdict) {
  public VerificationReport {
    signatures = List.copyOf(signatures);
  }

  /** The verdict on the {@code index}-th signature (0: the first), or MISSING. */
  public String verdictOf(int index) {
    return signatures.size() > index ? signatures.get(index).verdict().name() : "MISSING";
  }

  /** As {@code sohoa verify --json} and the HTTP API give it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", file);
    map.put("verdict", verdict.name());
    problem.ifPresent(p -> map.put("problem", p));
    map.put("signatures", signatures.stream().map(s -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("field", s.field());
      one.put("documentTimestamp", s.documentTimestamp());
      one.put("signer", s.signer());
      s.signingTime().ifPresent(t -> one.put("signingTime", t.toString()));
      s.level().ifPresent(l -> one.put("level", l));
      one.put("intact", s.intact());
      one.put("byteRangeWhole", s.byteRangeWhole());
      one.put("chain", s.chain().orElse("trusted"));
      one.put("revocation", s.revocation());
      one.put("timestamp", s.timestamp().orElse("valid or none"));
      one.put("changesAfter", s.changes());
      one.put("problems", s.problems());
      one.put("verdict", s.verdict().name());
      return one;
    }).toList());
    return map;
  }
}
