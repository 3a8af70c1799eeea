package org.papermap.internal;

import java.util.Objects;

/**
 * Argument checks shared by the indexes, with messages that name the parameter and the rule.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class VectorChecks {
  private VectorChecks() {}

  /** Checks a dense vector's dimension (Lucene's message) and that every value is finite. */
  public static void checkVector(float[] v, int dimension, String name) {
    Objects.requireNonNull(v, name);
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          name + ": vector dimensions differ: " + v.length + "!=" + dimension);
    }
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(name + ": value at dimension " + i + " is not finite: " + v[i]);
      }
    }
  }

  /** Checks {@code k >= 1}. */
  public static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  /**
   * {@code k} bounded by the number of entries {@code n} (and at least 1), so that nothing sized by k
   * grows beyond the index: asking for more hits than there are entries returns them all.
   */
  public static int clampK(int k, int n) {
    return Math.max(1, Math.min(k, n));
  }

  /** Checks {@code ord} is in {@code [0, count)}. */
  public static void checkOrd(int ord, int count) {
    if (ord < 0 || ord >= count) {
      throw new IllegalArgumentException("ord must be in [0, " + count + "), got " + ord);
    }
  }

  /** Checks parallelism {@code >= 1}. */
  public static int checkParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    return parallelism;
  }
}
