package sohoa.pipeline.intake;

import java.util.List;

/**
 * What one look at an inbox did.
 *
 * @param taken where each input taken went ({@code done/...})
 * @param quarantined where each rejected input went, its reason beside it
 * @param retried the inputs left where they were for the next look, with why
 */
public record Look(List<String> taken, List<String> quarantined, List<String> retried) {
  public Look {
    taken = List.copyOf(taken);
    quarantined = List.copyOf(quarantined);
    retried = List.copyOf(retried);
  }
}
