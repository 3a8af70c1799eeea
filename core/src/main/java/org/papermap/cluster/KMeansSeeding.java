package org.papermap.cluster;

import java.util.SplittableRandom;

/**
 * The seeding step of k-means: the first centroids of a restart.
 *
 * <p>k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007) in
 * its greedy form, as scikit-learn's {@code _kmeans_plusplus}: the first centroid is a uniform random
 * point; each next one is the best of {@code 2 + ⌊ln k⌋} candidates drawn with probability proportional
 * to the squared distance to the nearest centroid so far, "best" meaning the lowest resulting potential
 * {@code Σ min_c ||x − c||²}. Distances to a candidate are computed in parallel over fixed chunks, and each
 * potential is the ordered sum of per-chunk partials, so the draw does not depend on the thread count.
 * The candidate is located through per-chunk prefix sums and a scan inside one chunk, O(n / chunk +
 * chunk) per draw instead of a full cumulative sum.
 *
 * <p>Thread-safety: stateless; each call owns its buffers.
 */
final class KMeansSeeding {
  private KMeansSeeding() {}

  /** Writes the first {@code out.k} centroids of a restart into {@code out} and refreshes it. */
  static void seed(
      KMeansPoints points, KMeans.Init init, SplittableRandom random, KMeansExecution exec, KMeansCentroids out) {
    if (init == KMeans.Init.RANDOM) {
      randomPoints(points, random, out);
    } else {
      kMeansPlusPlus(points, random, exec, out);
    }
    out.refresh();
  }

  /** k distinct points drawn uniformly (a partial Fisher–Yates shuffle). */
  private static void randomPoints(KMeansPoints points, SplittableRandom random, KMeansCentroids out) {
    int n = points.size();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    for (int c = 0; c < out.k; c++) {
      int j = c + random.nextInt(n - c);
      int t = ids[c];
      ids[c] = ids[j];
      ids[j] = t;
      points.copyTo(ids[c], out.rows[c]);
    }
  }

  private static void kMeansPlusPlus(
      KMeansPoints points, SplittableRandom random, KMeansExecution exec, KMeansCentroids out) {
    if (points instanceof KMeansSparsePoints sparse) {
      sparse.prepareSeeding();
    }
    int n = points.size();
    int k = out.k;
    int trials = 2 + (int) Math.log(k);
    int chunks = KMeansExecution.chunks(n);
    double[] closest = new double[n];
    double[] closestChunkSums = new double[chunks];
    double[][] trialDistances = new double[trials][n];
    double[][] trialChunkSums = new double[trials][chunks];
    int[] candidates = new int[trials];

    int first = random.nextInt(n);
    points.copyTo(first, out.rows[0]);
    candidates[0] = first;
    distancesToCandidates(points, exec, candidates, 1, null, new double[][] {closest},
        new double[][] {closestChunkSums});
    double potential = KMeansExecution.sumInOrder(closestChunkSums);

    for (int c = 1; c < k; c++) {
      for (int t = 0; t < trials; t++) {
        candidates[t] = draw(closest, closestChunkSums, random.nextDouble() * potential, random);
      }
      distancesToCandidates(points, exec, candidates, trials, closest, trialDistances, trialChunkSums);
      int best = 0;
      double bestPotential = KMeansExecution.sumInOrder(trialChunkSums[0]);
      for (int t = 1; t < trials; t++) {
        double p = KMeansExecution.sumInOrder(trialChunkSums[t]);
        if (p < bestPotential) {
          best = t;
          bestPotential = p;
        }
      }
      potential = bestPotential;
      System.arraycopy(trialDistances[best], 0, closest, 0, n);
      System.arraycopy(trialChunkSums[best], 0, closestChunkSums, 0, chunks);
      points.copyTo(candidates[best], out.rows[c]);
    }
  }

  /**
   * For each candidate {@code t < count}: {@code dist[t][i] = min(closest[i], ||x_i − x_candidate||²)}
   * (no min when closest is null) and its per-chunk sums.
   */
  private static void distancesToCandidates(
      KMeansPoints points, KMeansExecution exec, int[] candidates, int count, double[] closest,
      double[][] dist, double[][] chunkSums) {
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          for (int t = 0; t < count; t++) {
            double[] d = dist[t];
            points.squaredDistancesToPoint(candidates[t], d, from, to);
            double s = 0;
            for (int i = from; i < to; i++) {
              if (closest != null && closest[i] < d[i]) {
                d[i] = closest[i];
              }
              s += d[i];
            }
            chunkSums[t][index] = s;
          }
        });
  }

  /**
   * The first point whose cumulative weight exceeds {@code target} (so a point of weight 0, i.e. already a
   * centroid, is never drawn); a uniform point when every weight is 0 (all points coincide with centroids).
   */
  private static int draw(double[] weights, double[] chunkSums, double target, SplittableRandom random) {
    double before = 0;
    int chunk = 0;
    while (chunk < chunkSums.length - 1 && before + chunkSums[chunk] <= target) {
      before += chunkSums[chunk];
      chunk++;
    }
    int from = chunk * KMeansExecution.CHUNK;
    int to = Math.min(weights.length, from + KMeansExecution.CHUNK);
    double cumulative = before;
    int lastPositive = -1;
    for (int i = from; i < to; i++) {
      if (weights[i] > 0) {
        cumulative += weights[i];
        lastPositive = i;
        if (cumulative > target) {
          return i;
        }
      }
    }
    // rounding put the target past the end: take the last point that has weight
    for (int i = to - 1; lastPositive < 0 && i >= 0; i--) {
      if (weights[i] > 0) {
        lastPositive = i;
      }
    }
    return lastPositive >= 0 ? lastPositive : random.nextInt(weights.length);
  }
}
