package org.papermap.topic;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;
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
   * Queries {@code search} with every vector for its {@code k} nearest other papers (the paper itself is
   * dropped). Each paper's row is written by one task, so the graph does not depend on the thread count
   * when the search does not.
   *
   * @throws IllegalArgumentException if {@code k < 1} or {@code parallelism < 1}
   */
  public static KnnGraph build(
      DenseVectors vectors, NeighbourSearch search, int k, int parallelism, Executor executor) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(search, "search");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    int n = vectors.size();
    int[] o = new int[n * k];
    float[] s = new float[n * k];
    Arrays.fill(o, -1);
    int[] counts = new int[n];
    List<int[]> ordBuf = Parallel.perWorker(parallelism, w -> new int[k + 1]);
    List<float[]> simBuf = Parallel.perWorker(parallelism, w -> new float[k + 1]);
    Parallel.forRange(
        n,
        64,
        parallelism,
        executor,
        (w, from, to) -> {
          int[] ob = ordBuf.get(w);
          float[] sb = simBuf.get(w);
          for (int i = from; i < to; i++) {
            int got = search.search(vectors.vector(i), k + 1, ob, sb);
            int c = 0;
            for (int j = 0; j < got && c < k; j++) {
              if (ob[j] != i && ob[j] >= 0) {
                o[i * k + c] = ob[j];
                s[i * k + c] = sb[j];
                c++;
              }
            }
            counts[i] = c;
          }
        });
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
