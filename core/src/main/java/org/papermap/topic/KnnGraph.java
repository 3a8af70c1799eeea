package org.papermap.topic;

import java.util.Arrays;
import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.cluster.Neighbours;
import org.papermap.vector.DenseVectors;

/**
 * The {@code k} nearest other papers of every paper with their cosine similarities: the input of the map
 * layout and the related papers embedded in the report. Held flat ({@code n × k}); a paper may have
 * fewer than {@code k} neighbours.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class KnnGraph {
  private final int n;
  private final int k;
  private final int[] ords; // n × k, row-major; unused slots -1
  private final float[] similarities;
  private final int[] counts;

  private KnnGraph(int n, int k, int[] ords, float[] similarities, int[] counts) {
    this.n = n;
    this.k = k;
    this.ords = ords;
    this.similarities = similarities;
    this.counts = counts;
  }

  /**
   * Copies neighbour lists: {@code neighbours[ord]} best first, with {@code similarities[ord]} of the
   * same length; {@code k} is the longest list.
   *
   * @throws IllegalArgumentException if the arrays differ in shape, a neighbour is out of range or the
   *     paper itself, or a similarity is not finite
   */
  public static KnnGraph of(int[][] neighbours, float[][] similarities) {
    Objects.requireNonNull(neighbours, "neighbours");
    Objects.requireNonNull(similarities, "similarities");
    int n = neighbours.length;
    if (similarities.length != n) {
      throw new IllegalArgumentException(
          "neighbours and similarities differ in length: " + n + "!=" + similarities.length);
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(neighbours[i], "neighbours[" + i + "]");
      Objects.requireNonNull(similarities[i], "similarities[" + i + "]");
      if (neighbours[i].length != similarities[i].length) {
        throw new IllegalArgumentException("neighbours[" + i + "] and similarities[" + i + "] differ in length");
      }
      k = Math.max(k, neighbours[i].length);
    }
    if ((long) n * k > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("graph too large: " + n + " × " + k);
    }
    int[] o = new int[n * k];
    float[] s = new float[n * k];
    Arrays.fill(o, -1);
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < neighbours[i].length; j++) {
        int nb = neighbours[i][j];
        if (nb < 0 || nb >= n || nb == i) {
          throw new IllegalArgumentException(
              "neighbours[" + i + "][" + j + "] must be another paper in [0, " + n + "), got " + nb);
        }
        if (!Float.isFinite(similarities[i][j])) {
          throw new IllegalArgumentException("similarities[" + i + "][" + j + "] is not finite");
        }
        o[i * k + j] = nb;
        s[i * k + j] = similarities[i][j];
      }
      counts[i] = neighbours[i].length;
    }
    return new KnnGraph(n, k, o, s, counts);
  }

  /**
   * The {@code k} nearest other papers of every paper by cosine: {@code vectors} are L2-normalized (a
   * copy, unless they already are) and handed to {@code provider} with {@link ClusterMetric#COSINE} —
   * the same neighbour interface clustering uses, so an index-backed provider (HNSW) serves both.
   * Similarities are {@code 1 − d²/2} of the returned Euclidean distances.
   *
   * @throws IllegalArgumentException if {@code k < 1}; {@code k} is capped at {@code size − 1}
   */
  public static KnnGraph build(DenseVectors vectors, NeighbourProvider provider, int k) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(provider, "provider");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int n = vectors.size();
    if (n < 2) {
      return new KnnGraph(n, 0, new int[0], new float[0], new int[n]);
    }
    return of(provider.index(UnitVectors.of(vectors), ClusterMetric.COSINE).allNeighbours(Math.min(k, n - 1)));
  }

  /**
   * A graph from neighbours of unit vectors (cosine = {@code 1 − d²/2} of their Euclidean distances).
   *
   * @throws IllegalArgumentException if a row lists its own ord or an ord out of range
   */
  public static KnnGraph of(Neighbours neighbours) {
    Objects.requireNonNull(neighbours, "neighbours");
    int n = neighbours.count();
    int k = neighbours.k();
    int[] o = new int[n * k];
    float[] s = new float[n * k];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        int nb = neighbours.ord(i, j);
        if (nb == i || nb >= n) {
          throw new IllegalArgumentException(
              "neighbours row " + i + " position " + j + " must be another paper in [0, " + n + "), got " + nb);
        }
        o[i * k + j] = nb;
        s[i * k + j] = UnitVectors.cosine(neighbours.distance(i, j));
      }
      counts[i] = k;
    }
    return new KnnGraph(n, k, o, s, counts);
  }

  /** Number of papers. */
  public int size() {
    return n;
  }

  /** The most neighbours a paper has. */
  public int k() {
    return k;
  }

  /** Number of neighbours of {@code ord}. */
  public int count(int ord) {
    return counts[ord];
  }

  /** The i-th nearest neighbour of {@code ord}. */
  public int neighbour(int ord, int i) {
    Objects.checkIndex(i, counts[ord]);
    return ords[ord * k + i];
  }

  /** The similarity of {@code ord} to its i-th nearest neighbour. */
  public float similarity(int ord, int i) {
    Objects.checkIndex(i, counts[ord]);
    return similarities[ord * k + i];
  }

  /** The neighbours of {@code ord}, best first (a copy). */
  public int[] neighbours(int ord) {
    return Arrays.copyOfRange(ords, ord * k, ord * k + counts[ord]);
  }

  @Override
  public String toString() {
    return "KnnGraph[n=" + n + ", k=" + k + "]";
  }
}
