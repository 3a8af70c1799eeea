package org.papermap.vector;

import java.util.Objects;

/**
 * An {@code n × d} set of dense float vectors with random access by ordinal, in the spirit of
 * jvector's {@code RandomAccessVectorValues}. Rows are held as {@code float[][]} so Lucene's {@code
 * VectorUtil} kernels can be called on them directly.
 *
 * <p>{@link #vector(int)} returns the stored row itself, for speed: callers must not modify it.
 * {@link #copyOf(int)} returns a copy.
 *
 * <p>Thread-safety: immutable and safe, as long as callers honour the no-modification rule above.
 */
public final class DenseVectors {
  private final float[][] rows;
  private final int dimension;

  private DenseVectors(float[][] rows, int dimension) {
    this.rows = rows;
    this.dimension = dimension;
  }

  /**
   * Copies the given rows.
   *
   * @throws IllegalArgumentException if the rows are ragged, empty-dimensional or hold a non-finite value
   */
  public static DenseVectors of(float[][] rows) {
    Objects.requireNonNull(rows, "rows");
    float[][] copy = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = Objects.requireNonNull(rows[i], "rows[" + i + "]").clone();
    }
    return ofOwned(copy);
  }

  /** Wraps rows that the caller hands over and will not touch again, after validating them. */
  static DenseVectors ofOwned(float[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    if (rows.length > 0 && d == 0) {
      throw new IllegalArgumentException("dimension must be >= 1, got 0");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            "ragged vectors: row " + i + " has dimension " + rows[i].length + ", row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Float.isFinite(rows[i][j])) {
          throw new IllegalArgumentException("invalid value at row " + i + " col " + j + ": " + rows[i][j]);
        }
      }
    }
    return new DenseVectors(rows, d);
  }

  /** Number of vectors. */
  public int size() {
    return rows.length;
  }

  /** Dimension of every vector (0 when there are none). */
  public int dimension() {
    return dimension;
  }

  /** The stored vector at {@code ord}; do not modify it. */
  public float[] vector(int ord) {
    return rows[ord];
  }

  /** A copy of the vector at {@code ord}. */
  public float[] copyOf(int ord) {
    return rows[ord].clone();
  }

  @Override
  public String toString() {
    return "DenseVectors[" + rows.length + "x" + dimension + "]";
  }
}
