package org.papermap.topic;

import java.util.Arrays;
import java.util.Objects;

/**
 * 2-D coordinates of every paper from {@link MapLayout}, with the options that produced them.
 *
 * <p>Thread-safety: immutable and safe (arrays are copied on the way in and out).
 */
public final class MapLayoutResult {
  private final float[] x;
  private final float[] y;
  private final MapLayout.Options options;

  MapLayoutResult(float[] x, float[] y, MapLayout.Options options) {
    this.x = x;
    this.y = y;
    this.options = options;
  }

  /**
   * Coordinates computed elsewhere (e.g. read back from a file).
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold a non-finite value
   */
  public static MapLayoutResult of(float[] x, float[] y, MapLayout.Options options) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(options, "options");
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + "!=" + y.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) {
        throw new IllegalArgumentException("coordinates of paper " + i + " are not finite: " + x[i] + ", " + y[i]);
      }
    }
    return new MapLayoutResult(x.clone(), y.clone(), options);
  }

  /** Number of papers. */
  public int size() {
    return x.length;
  }

  public float x(int ord) {
    return x[ord];
  }

  public float y(int ord) {
    return y[ord];
  }

  /** A copy of all x coordinates. */
  public float[] xs() {
    return x.clone();
  }

  /** A copy of all y coordinates. */
  public float[] ys() {
    return y.clone();
  }

  /** The options (and seed) that produced the layout. */
  public MapLayout.Options options() {
    return options;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapLayoutResult r && Arrays.equals(x, r.x) && Arrays.equals(y, r.y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    return "MapLayoutResult[n=" + x.length + ", " + options + "]";
  }
}
