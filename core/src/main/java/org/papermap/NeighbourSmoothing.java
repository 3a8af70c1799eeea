package org.papermap;

import java.util.List;
import org.papermap.index.SearchResult;
import org.papermap.index.VectorIndex;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.DenseVectors;

/**
 * Neighbour smoothing of dense paper vectors, known in image retrieval as database-side augmentation
 * (Arandjelović and Zisserman, "Three things everyone should know to improve object retrieval", CVPR
 * 2012; Radenović, Tolias and Chum, TPAMI 2019): each vector becomes {@code normalize(v + w · mean of
 * its k nearest other vectors)}. A paper then also carries what its closest neighbours share, which
 * raised related-paper precision@10 by 0.5–2 points on every labelled set (docs/bench/quality.md).
 *
 * <p>Steps: (1) the k nearest other papers of every paper, from {@code index.neighbours(k)} (exact for a
 * flat index, approximate for HNSW); (2) the smoothed vectors, summed in double in neighbour order.
 * All-zero vectors (papers with no known term) stay zero. The result does not depend on the thread count.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class NeighbourSmoothing {
  private NeighbourSmoothing() {}

  /**
   * The smoothed copy of {@code vectors}, whose neighbours {@code index} (built on the same vectors)
   * finds.
   *
   * @param k neighbours per paper, {@code >= 1}
   * @param weight w, {@code > 0}
   */
  static DenseVectors smooth(DenseVectors vectors, VectorIndex<float[]> index, int k, double weight) {
    return smooth(vectors, index, k, weight, ProgressListener.NONE);
  }

  /**
   * As {@link #smooth(DenseVectors, VectorIndex, int, double)}, reporting the neighbour search (the
   * costly part: all pairs on a flat index, 23 s for 118,000 papers on two cores) to {@code
   * progress} as the step {@code smoothing}.
   */
  static DenseVectors smooth(
      DenseVectors vectors, VectorIndex<float[]> index, int k, double weight, ProgressListener progress) {
    int n = vectors.size();
    float[][] out = new float[n][];
    List<SearchResult> all = index.neighbours(k, renamed(progress, "smoothing"));
    for (SearchResult r : all) {
      int[] ords = new int[r.size()];
      for (int i = 0; i < ords.length; i++) {
        ords[i] = r.ord(i);
      }
      out[r.queryOrd()] = smoothOne(vectors.vector(r.queryOrd()), ords, vectors, weight);
    }
    for (int ord = 0; ord < n; ord++) {
      if (out[ord] == null) {
        out[ord] = vectors.vector(ord).clone(); // not live in the index (cannot happen at build)
      }
    }
    return DenseVectors.of(out);
  }

  /**
   * {@code normalize(v + weight · mean of vectors[neighbours])}, a new array; {@code v} itself (copied) when it
   * is zero or has no neighbours. {@code neighbours} is sorted in place.
   */
  static float[] smoothOne(float[] v, int[] neighbours, DenseVectors vectors, double weight) {
    if (neighbours.length == 0 || isZero(v)) {
      return v.clone();
    }
    int d = v.length;
    double[] acc = new double[d];
    // Summed in ord order: the neighbours' rank order rests on SIMD scores whose last bits vary by JIT tier.
    java.util.Arrays.sort(neighbours);
    for (int ord : neighbours) {
      float[] u = vectors.vector(ord);
      for (int j = 0; j < d; j++) {
        acc[j] += u[j];
      }
    }
    double f = weight / neighbours.length;
    float[] s = new float[d];
    for (int j = 0; j < d; j++) {
      s[j] = (float) (v[j] + f * acc[j]);
    }
    return normalize(s);
  }

  /**
   * Unit length by a scalar sum in fixed order: VectorUtil's SIMD reduction order depends on the JIT tier,
   * so its last bits (and the map's vectors) would differ from run to run.
   */
  private static float[] normalize(float[] s) {
    double sum = 0;
    for (float x : s) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return s;
    }
    double inv = 1 / Math.sqrt(sum);
    for (int j = 0; j < s.length; j++) {
      s[j] = (float) (s[j] * inv);
    }
    return s;
  }

  private static boolean isZero(float[] v) {
    for (float x : v) {
      if (x != 0f) {
        return false;
      }
    }
    return true;
  }

  /** {@code progress} hearing every step as {@code step}. */
  private static ProgressListener renamed(ProgressListener progress, String step) {
    return new ProgressListener() {
      @Override
      public void begin(String ignored, long total, String unit) {
        progress.begin(step, total, unit);
      }

      @Override
      public void advance(String ignored, long done) {
        progress.advance(step, done);
      }

      @Override
      public void end(String ignored) {
        progress.end(step);
      }

      @Override
      public void note(String message) {
        progress.note(message);
      }
    };
  }
}
