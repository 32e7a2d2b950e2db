package sohoa.catalog;

import java.util.Optional;
import sohoa.core.text.Folding;

/**
 * Who may see a document: an API key or an officer account scoped to an agency sees only the
 * documents whose agency names it (folded, so marks and case do not matter); one not scoped sees
 * all. A document whose agency was not read is outside every scope.
 */
final class AgencyScope {
  private AgencyScope() {}

  static boolean covers(Optional<String> scope, Optional<String> documentAgency) {
    if (scope.isEmpty()) {
      return true;
    }
    return documentAgency.map(a -> Folding.fold(a).contains(Folding.fold(scope.get())))
        .orElse(false);
  }
}
