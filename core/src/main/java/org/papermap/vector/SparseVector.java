package org.papermap.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse float vector: strictly increasing {@code int} indices with their {@code float} values.
 *
 * <p>Thread-safety: immutable and safe (arrays are copied on the way in and out).
 */
public final class SparseVector {
  private static final int[] NO_INDICES = new int[0];
  private static final float[] NO_VALUES = new float[0];

  private final int[] indices;
  private final float[] values;

  private SparseVector(int[] indices, float[] values) {
    this.indices = indices;
    this.values = values;
  }

  /** The empty vector. */
  public static SparseVector empty() {
    return new SparseVector(NO_INDICES, NO_VALUES);
  }

  /**
   * Copies the first {@code length} entries of the given arrays.
   *
   * @throws IllegalArgumentException if the indices are not strictly increasing and non-negative, or a
   *     value is not finite
   */
  public static SparseVector of(int[] indices, float[] values, int length) {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(values, "values");
    if (length < 0 || length > indices.length || length > values.length) {
      throw new IllegalArgumentException(
          "length must be in [0, min(indices.length, values.length)], got " + length);
    }
    int[] idx = Arrays.copyOf(indices, length);
    float[] val = Arrays.copyOf(values, length);
    check(idx, val);
    return new SparseVector(idx, val);
  }

  /** Copies all entries; see {@link #of(int[], float[], int)}. */
  public static SparseVector of(int[] indices, float[] values) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values differ in length: " + indices.length + "!=" + values.length);
    }
    return of(indices, values, indices.length);
  }

  static void check(int[] idx, float[] val) {
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || (i > 0 && idx[i] <= idx[i - 1])) {
        throw new IllegalArgumentException(
            "indices must be non-negative and strictly increasing; index " + idx[i] + " at position " + i);
      }
      if (!Float.isFinite(val[i])) {
        throw new IllegalArgumentException("value at index " + idx[i] + " is not finite: " + val[i]);
      }
    }
  }

  /** Number of stored entries. */
  public int size() {
    return indices.length;
  }

  /** The index of the i-th stored entry. */
  public int index(int i) {
    return indices[i];
  }

  /** The value of the i-th stored entry. */
  public float value(int i) {
    return values[i];
  }

  /** A copy of the indices. */
  public int[] indices() {
    return indices.clone();
  }

  /** A copy of the values. */
  public float[] values() {
    return values.clone();
  }

  /** The value at {@code index}, 0 when it is not stored. */
  public float get(int index) {
    int i = Arrays.binarySearch(indices, index);
    return i >= 0 ? values[i] : 0f;
  }

  /** Dot product by a two-pointer merge, accumulated in double. */
  public double dot(SparseVector other) {
    int i = 0;
    int j = 0;
    double sum = 0;
    int[] a = indices;
    int[] b = other.indices;
    while (i < a.length && j < b.length) {
      int ai = a[i];
      int bj = b[j];
      if (ai == bj) {
        sum += (double) values[i++] * other.values[j++];
      } else if (ai < bj) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** The Euclidean norm, accumulated in double. */
  public double norm() {
    double s = 0;
    for (float v : values) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v
        && Arrays.equals(indices, v.indices)
        && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < indices.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(indices[i]).append(':').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
