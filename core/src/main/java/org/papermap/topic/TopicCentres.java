package org.papermap.topic;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.util.VectorUtil;
import org.papermap.internal.Parallel;
import org.papermap.vector.DenseVectors;

/**
 * The centre of each topic in a dense space: the L2-normalized mean of its papers' L2-normalized
 * vectors (the spherical k-means centroid), held flat ({@code k × d}). Sums run in double over the
 * papers in ascending ord, one topic per task, so centres do not depend on the thread count.
 *
 * <p>Thread-safety: immutable and safe.
 */
final class TopicCentres {
  private final int k;
  private final int d;
  private final float[] centres;

  private TopicCentres(int k, int d, float[] centres) {
    this.k = k;
    this.d = d;
    this.centres = centres;
  }

  static TopicCentres fit(DenseVectors vectors, List<int[]> members, int parallelism, Executor executor) {
    int k = members.size();
    int d = vectors.dimension();
    float[] centres = new float[k * d];
    List<double[]> scratch = Parallel.perWorker(parallelism, w -> new double[d]);
    Parallel.forRange(
        k,
        1,
        parallelism,
        executor,
        (w, from, to) -> {
          double[] sum = scratch.get(w);
          for (int c = from; c < to; c++) {
            Arrays.fill(sum, 0);
            for (int ord : members.get(c)) {
              float[] v = vectors.vector(ord);
              double norm = Math.sqrt(VectorUtil.dotProduct(v, v));
              if (norm > 0) {
                for (int j = 0; j < d; j++) {
                  sum[j] += v[j] / norm;
                }
              }
            }
            double sq = 0;
            for (int j = 0; j < d; j++) {
              sq += sum[j] * sum[j];
            }
            double scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
            for (int j = 0; j < d; j++) {
              centres[c * d + j] = (float) (sum[j] * scale);
            }
          }
        });
    return new TopicCentres(k, d, centres);
  }

  int topicCount() {
    return k;
  }

  int dimension() {
    return d;
  }

  /** A copy of topic {@code c}'s centre. */
  float[] centre(int c) {
    return Arrays.copyOfRange(centres, c * d, (c + 1) * d);
  }

  /** Cosine of {@code vector} (any length) and each centre into {@code out}; all 0 for a zero vector. */
  void similarities(float[] vector, double[] out) {
    double norm = Math.sqrt(VectorUtil.dotProduct(vector, vector));
    for (int c = 0; c < k; c++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += (double) vector[j] * centres[c * d + j];
      }
      out[c] = norm > 0 ? dot / norm : 0;
    }
  }

  /** Cosine of {@code vector} (any length) and the centre of topic {@code c}; 0 for a zero vector. */
  double similarity(float[] vector, int c) {
    double norm = Math.sqrt(VectorUtil.dotProduct(vector, vector));
    if (norm == 0) {
      return 0;
    }
    double dot = 0;
    for (int j = 0; j < d; j++) {
      dot += (double) vector[j] * centres[c * d + j];
    }
    return dot / norm;
  }

  /** Cosine of the centres of topics {@code a} and {@code b}. */
  double cosine(int a, int b) {
    double dot = 0;
    for (int j = 0; j < d; j++) {
      dot += (double) centres[a * d + j] * centres[b * d + j];
    }
    return dot;
  }
}
