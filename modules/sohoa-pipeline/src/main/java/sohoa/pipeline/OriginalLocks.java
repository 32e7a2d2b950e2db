package sohoa.pipeline;

import sohoa.core.document.ContentHash;

/**
 * Striped locks over originals, so that two copies of one scan in a batch are not digitised at
 * once by this process (the catalog's claims keep other processes apart).
 */
final class OriginalLocks {
  private static final int STRIPES = 64;
  private final Object[] locks = new Object[STRIPES];

  OriginalLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  Object of(ContentHash original) {
    return locks[Math.floorMod(original.hashCode(), STRIPES)];
  }
}
