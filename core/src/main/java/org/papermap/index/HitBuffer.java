package org.papermap.index;

import org.papermap.internal.TopKHeap;

/**
 * Turns the exactly scored hits left in a bounded heap into a {@link SearchResult}, best first,
 * through buffers reused from search to search.
 *
 * <p>Thread-safety: not thread-safe; one per searcher.
 */
final class HitBuffer {
  private int[] ords = new int[16];
  private float[] scores = new float[16];

  /** Empties {@code heap} into a result for {@code excludeOrd}, {@code visited} docs scored. */
  SearchResult drain(TopKHeap heap, int excludeOrd, int visited) {
    int h = heap.size();
    if (ords.length < h) {
      ords = new int[h];
      scores = new float[h];
    }
    heap.drainBestFirst(ords, scores);
    return SearchResult.of(excludeOrd, ords, scores, h, visited);
  }
}
