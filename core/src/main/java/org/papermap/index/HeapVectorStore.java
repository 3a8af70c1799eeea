package org.papermap.index;

import java.util.Arrays;
import org.papermap.internal.VectorChecks;

/**
 * A growable on-heap {@link DenseVectorStore} of {@code float[]} rows.
 *
 * <p>Thread-safety: safe for concurrent readers and one appender at a time ({@link #add} is
 * synchronized). Readers see every vector whose {@code add} returned before they read {@link #size()}:
 * the row is stored before the volatile size is published.
 */
public final class HeapVectorStore implements DenseVectorStore {
  private final int dimension;
  private volatile float[][] rows;
  private volatile int size;

  /**
   * An empty store.
   *
   * @param dimension vector dimension, {@code >= 1}
   */
  public HeapVectorStore(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    this.dimension = dimension;
    this.rows = new float[16][];
  }

  /**
   * Appends a copy of {@code vector}.
   *
   * @return its ord
   * @throws IllegalArgumentException if the dimension differs or a value is not finite
   */
  public synchronized int add(float[] vector) {
    VectorChecks.checkVector(vector, dimension, "vector");
    float[][] r = rows;
    int n = size;
    if (n == r.length) {
      r = Arrays.copyOf(r, n * 2);
      rows = r;
    }
    r[n] = vector.clone();
    size = n + 1;
    return n;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] vector(int ord, float[] scratch) {
    return rows[ord];
  }

  @Override
  public boolean isValueShared() {
    return false;
  }
}
