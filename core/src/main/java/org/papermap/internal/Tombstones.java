package org.papermap.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A growable set of deleted ords that concurrent searches may read while another thread deletes.
 * Bits live in an {@link AtomicLongArray}, so a delete is visible to every search that starts after it
 * returns.
 *
 * <p>Thread-safety: safe for concurrent reads and writes.
 */
public final class Tombstones {
  private final AtomicReference<AtomicLongArray> words;
  private final AtomicInteger count = new AtomicInteger();

  public Tombstones() {
    this.words = new AtomicReference<>(new AtomicLongArray(1));
  }

  /** Whether {@code ord} is deleted. */
  public boolean isDeleted(int ord) {
    AtomicLongArray w = words.get();
    int i = ord >>> 6;
    return i < w.length() && (w.get(i) & (1L << ord)) != 0;
  }

  /**
   * Marks {@code ord} deleted.
   *
   * @return true when it was live before
   */
  public synchronized boolean delete(int ord) {
    AtomicLongArray w = words.get();
    int i = ord >>> 6;
    if (i >= w.length()) {
      // Growth is rare; copy under the lock and publish the new array atomically.
      AtomicLongArray bigger = new AtomicLongArray(Math.max(i + 1, w.length() * 2));
      for (int j = 0; j < w.length(); j++) {
        bigger.set(j, w.get(j));
      }
      words.set(bigger);
      w = bigger;
    }
    long old = w.getAndUpdate(i, x -> x | (1L << ord));
    boolean changed = (old & (1L << ord)) == 0;
    if (changed) {
      count.incrementAndGet();
    }
    return changed;
  }

  /** Number of deleted ords. */
  public int count() {
    return count.get();
  }
}
