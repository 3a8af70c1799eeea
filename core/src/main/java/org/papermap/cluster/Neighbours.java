package org.papermap.cluster;

import java.util.Objects;

/**
 * The {@code k} nearest neighbours of {@code count} points (or queries), each row sorted by ascending
 * distance, equal distances by ascending ord: row {@code i} is {@code ord(i, 0..k-1)} and {@code
 * distance(i, 0..k-1)}. What a {@link NeighbourQuery} returns; stored flat ({@code i·k + j}).
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class Neighbours {
  private final int count;
  private final int k;
  private final int[] ords;
  private final double[] distances;

  private Neighbours(int count, int k, int[] ords, double[] distances) {
    this.count = count;
    this.k = k;
    this.ords = ords;
    this.distances = distances;
  }

  /**
   * Copies rows of {@code k} neighbours laid out flat ({@code ords[i·k + j]}).
   *
   * @throws IllegalArgumentException if {@code k < 1}, the arrays differ in length or are not a
   *     multiple of k, an ord is negative, or a distance is negative, NaN or out of order in its row
   */
  public static Neighbours of(int k, int[] ords, double[] distances) {
    Objects.requireNonNull(ords, "ords");
    Objects.requireNonNull(distances, "distances");
    return ofOwned(k, ords.clone(), distances.clone());
  }

  /** Validates and wraps arrays the caller hands over. */
  static Neighbours ofOwned(int k, int[] ords, double[] distances) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (ords.length != distances.length || ords.length % k != 0) {
      throw new IllegalArgumentException(
          "ords and distances must both hold count*k values (k=" + k + "), got " + ords.length + " and "
              + distances.length);
    }
    for (int i = 0; i < ords.length; i++) {
      if (ords[i] < 0) {
        throw new IllegalArgumentException("ord at row " + i / k + " position " + i % k + " is negative: " + ords[i]);
      }
      double d = distances[i];
      if (!(d >= 0)) {
        throw new IllegalArgumentException(
            "distance at row " + i / k + " position " + i % k + " must be >= 0, got " + d);
      }
      if (i % k > 0 && d < distances[i - 1]) {
        throw new IllegalArgumentException(
            "row " + i / k + " is not sorted by ascending distance at position " + i % k + ": " + distances[i - 1]
                + " then " + d);
      }
    }
    return new Neighbours(ords.length / k, k, ords, distances);
  }

  /** Number of rows (points or queries). */
  public int count() {
    return count;
  }

  /** Neighbours per row. */
  public int k() {
    return k;
  }

  /** The ord of the {@code j}-th nearest neighbour of row {@code i}. */
  public int ord(int i, int j) {
    return ords[index(i, j)];
  }

  /** The distance to the {@code j}-th nearest neighbour of row {@code i}. */
  public double distance(int i, int j) {
    return distances[index(i, j)];
  }

  private int index(int i, int j) {
    Objects.checkIndex(i, count);
    Objects.checkIndex(j, k);
    return i * k + j;
  }

  /** The flat ords; package-private, not copied: do not modify. */
  int[] ordsArray() {
    return ords;
  }

  /** The flat distances; package-private, not copied: do not modify. */
  double[] distancesArray() {
    return distances;
  }

  @Override
  public String toString() {
    return "Neighbours[count=" + count + ", k=" + k + "]";
  }
}
