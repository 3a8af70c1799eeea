package org.papermap.internal;

import org.apache.lucene.util.NumericUtils;

/**
 * A bounded min-heap of packed {@code long} keys that keeps the {@code k} best (score, ord) pairs, in
 * the spirit of Lucene's {@code NeighborQueue}: the key is {@code sortableInt(score) << 32 |
 * (Integer.MAX_VALUE - ord)}, so a larger key means a higher score and, on equal scores, a lower ord.
 * Nothing is boxed and nothing is allocated once the heap exists.
 *
 * <p>The same class serves as an unbounded best-first queue when created with {@link
 * #unbounded(int)}; {@link #popBest()} is then used instead of {@link #popWorst()}.
 *
 * <p>Thread-safety: not thread-safe; each searcher owns its heaps.
 */
public final class TopKHeap {
  private final boolean bounded;
  private final boolean maxFirst;
  private long[] heap;
  private int size;
  private int capacity;

  private TopKHeap(int capacity, boolean bounded, boolean maxFirst) {
    this.capacity = capacity;
    this.bounded = bounded;
    this.maxFirst = maxFirst;
    this.heap = new long[Math.max(1, capacity) + 1];
  }

  /** A heap keeping the best {@code k} keys; {@link #worstKey()} is the k-th best. */
  public static TopKHeap bounded(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    return new TopKHeap(k, true, false);
  }

  /** An unbounded queue that pops the best key first (the HNSW candidate queue). */
  public static TopKHeap unbounded(int initialCapacity) {
    return new TopKHeap(Math.max(1, initialCapacity), false, true);
  }

  /** Packs a score and an ord into an order-preserving key. */
  public static long key(float score, int ord) {
    return ((long) NumericUtils.floatToSortableInt(score) << 32) | (Integer.MAX_VALUE - ord);
  }

  /** The score packed in {@code key}. */
  public static float score(long key) {
    return NumericUtils.sortableIntToFloat((int) (key >> 32));
  }

  /** The ord packed in {@code key}. */
  public static int ord(long key) {
    return Integer.MAX_VALUE - (int) key;
  }

  /** Empties the heap and, for a bounded heap, sets a new bound. */
  public void clear(int newK) {
    size = 0;
    if (bounded) {
      if (newK < 1) {
        throw new IllegalArgumentException("k must be >= 1, got " + newK);
      }
      capacity = newK;
      if (heap.length < newK + 1) {
        heap = new long[newK + 1];
      }
    }
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return bounded && size >= capacity;
  }

  /**
   * Offers a key. A bounded heap that is full keeps it only if it beats the current worst.
   *
   * @return whether the key was kept
   */
  public boolean offer(long key) {
    if (bounded && size >= capacity) {
      if (key <= heap[1]) {
        return false;
      }
      heap[1] = key;
      downHeap(1);
      return true;
    }
    if (size + 1 >= heap.length) {
      heap = java.util.Arrays.copyOf(heap, heap.length * 2);
    }
    heap[++size] = key;
    upHeap(size);
    return true;
  }

  /** The worst kept key of a bounded heap (the one that would be evicted next). */
  public long worstKey() {
    assert bounded && size > 0;
    return heap[1];
  }

  /** The best key of an unbounded queue. */
  public long bestKey() {
    assert !bounded && size > 0;
    return heap[1];
  }

  /** Removes and returns the top key: the worst of a bounded heap. */
  public long popWorst() {
    assert bounded && size > 0;
    return pop();
  }

  /** Removes and returns the best key of an unbounded queue. */
  public long popBest() {
    assert !bounded && size > 0;
    return pop();
  }

  private long pop() {
    long top = heap[1];
    heap[1] = heap[size--];
    if (size > 0) {
      downHeap(1);
    }
    return top;
  }

  /**
   * Drains a bounded heap into {@code ords}/{@code scores}, best first.
   *
   * @return the number of entries written
   */
  public int drainBestFirst(int[] ords, float[] scores) {
    int n = size;
    for (int i = n - 1; i >= 0; i--) {
      long k = pop();
      ords[i] = ord(k);
      scores[i] = score(k);
    }
    return n;
  }

  /** Whether {@code a} should sit above {@code b}. */
  private boolean above(long a, long b) {
    return maxFirst ? a > b : a < b;
  }

  private void upHeap(int i) {
    long v = heap[i];
    int parent = i >>> 1;
    while (parent > 0 && above(v, heap[parent])) {
      heap[i] = heap[parent];
      i = parent;
      parent = i >>> 1;
    }
    heap[i] = v;
  }

  private void downHeap(int i) {
    long v = heap[i];
    int child = i << 1;
    while (child <= size) {
      if (child < size && above(heap[child + 1], heap[child])) {
        child++;
      }
      if (!above(heap[child], v)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
      child = i << 1;
    }
    heap[i] = v;
  }
}
