package org.papermap.index;

/**
 * The renumbering a save applies: deleted ords are dropped and the live ones renumbered in ascending
 * order, so {@code oldOrd -> newOrd} ({@code -1} for deleted ords) lets the caller carry its id table
 * over.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class IndexCompaction {
  private IndexCompaction() {}

  /** {@code oldOrd -> newOrd} for every ord of {@code index}; -1 for deleted ones. */
  public static int[] ordMap(VectorIndex<?> index) {
    int[] map = new int[index.ordCount()];
    int next = 0;
    for (int i = 0; i < map.length; i++) {
      map[i] = index.isDeleted(i) ? -1 : next++;
    }
    return map;
  }

  /** The number of live ords in an ord map. */
  public static int liveCount(int[] map) {
    int live = 0;
    for (int m : map) {
      if (m >= 0) {
        live++;
      }
    }
    return live;
  }
}
