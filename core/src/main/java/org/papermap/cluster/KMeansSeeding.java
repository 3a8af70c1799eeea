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
    seed(points, init, random, exec, out, true);
  }

  /** As {@link #seed}; {@code prune = false} computes every distance (the oracle of the pruning test). */
  static void seed(
      KMeansPoints points, KMeans.Init init, SplittableRandom random, KMeansExecution exec, KMeansCentroids out,
      boolean prune) {
    if (init == KMeans.Init.RANDOM) {
      randomPoints(points, random, out);
    } else {
      kMeansPlusPlus(points, random, exec, out, prune);
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
      KMeansPoints points, SplittableRandom random, KMeansExecution exec, KMeansCentroids out, boolean prune) {
    if (points instanceof KMeansSparsePoints sparse) {
      sparse.prepareSeeding();
    }
    int n = points.size();
    int k = out.k;
    int trials = 2 + (int) Math.log(k);
    int chunks = KMeansExecution.chunks(n);
    Potentials state = new Potentials(n, chunks, trials, k, prune && points.supportsPointDistances(), exec.parallelism);

    int first = random.nextInt(n);
    points.copyTo(first, out.rows[0]);
    state.centers[0] = first;
    state.candidates[0] = first;
    distancesToCandidates(points, exec, state, 1, 0);
    System.arraycopy(state.trialDistances[0], 0, state.closest, 0, n);
    System.arraycopy(state.trialChunkSums[0], 0, state.closestChunkSums, 0, chunks);
    double potential = KMeansExecution.sumInOrder(state.closestChunkSums);

    for (int c = 1; c < k; c++) {
      for (int t = 0; t < trials; t++) {
        state.candidates[t] = draw(state.closest, state.closestChunkSums, random.nextDouble() * potential, random);
      }
      distancesToCandidates(points, exec, state, trials, c);
      int best = 0;
      double bestPotential = KMeansExecution.sumInOrder(state.trialChunkSums[0]);
      for (int t = 1; t < trials; t++) {
        double p = KMeansExecution.sumInOrder(state.trialChunkSums[t]);
        if (p < bestPotential) {
          best = t;
          bestPotential = p;
        }
      }
      potential = bestPotential;
      state.accept(best, c);
      points.copyTo(state.candidates[best], out.rows[c]);
    }
  }

  /**
   * The seeding's state: each point's squared distance to its nearest center so far (and which center,
   * for the pruning), the candidates of a step and their distances.
   */
  private static final class Potentials {
    final double[] closest;
    final int[] nearest;
    final double[] closestChunkSums;
    final double[][] trialDistances;
    final double[][] trialChunkSums;
    final int[] candidates;
    final int[] centers;
    /** Exact lower bound on the distance from each candidate to each center (pruning only). */
    final double[][] candidateToCenter;
    /** Per worker: the points of a chunk whose distance must be computed (pruning only). */
    final java.util.List<int[]> survivors;

    Potentials(int n, int chunks, int trials, int k, boolean prune, int workers) {
      closest = new double[n];
      nearest = prune ? new int[n] : null;
      closestChunkSums = new double[chunks];
      trialDistances = new double[trials][n];
      trialChunkSums = new double[trials][chunks];
      candidates = new int[trials];
      centers = new int[k];
      candidateToCenter = prune ? new double[trials][k] : null;
      survivors = org.papermap.internal.Parallel.perWorker(workers, w -> new int[KMeansExecution.CHUNK]);
    }

    /** Candidate {@code t} becomes center {@code c}. */
    void accept(int t, int c) {
      double[] d = trialDistances[t];
      if (nearest != null) {
        for (int i = 0; i < d.length; i++) {
          if (d[i] < closest[i]) {
            nearest[i] = c;
          }
        }
      }
      System.arraycopy(d, 0, closest, 0, d.length);
      System.arraycopy(trialChunkSums[t], 0, closestChunkSums, 0, closestChunkSums.length);
      centers[c] = candidates[t];
    }
  }

  /**
   * For each candidate {@code t < count}: {@code trialDistances[t][i] = min(closest[i], ||x_i −
   * x_candidate||²)} (no min for the first center, {@code centers == 0}) and its per-chunk sums.
   *
   * <p>With point distances (dense points), a point is skipped when the triangle inequality proves the
   * candidate no closer than its nearest center: {@code d(x, cand) >= d(cand, m) − d(x, m) >= d(x, m)}
   * whenever {@code d(cand, m) >= 2 d(x, m)}, checked with the rounding margins of the computed
   * distances, so the computed minimum is exactly the one without pruning.
   */
  private static void distancesToCandidates(
      KMeansPoints points, KMeansExecution exec, Potentials state, int count, int centers) {
    boolean prune = state.nearest != null && centers > 0;
    if (prune) {
      for (int t = 0; t < count; t++) {
        for (int j = 0; j < centers; j++) {
          double d = Math.sqrt(points.squaredDistanceBetween(state.candidates[t], state.centers[j]));
          state.candidateToCenter[t][j] = points.lowerBound(d) * (1 - points.slackRelative());
        }
      }
    }
    double[] closest = state.closest;
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          for (int t = 0; t < count; t++) {
            double[] d = state.trialDistances[t];
            int candidate = state.candidates[t];
            double s = 0;
            if (centers == 0) {
              points.squaredDistancesToPoint(candidate, d, from, to);
              for (int i = from; i < to; i++) {
                s += d[i];
              }
            } else if (prune) {
              double[] toCenter = state.candidateToCenter[t];
              int[] survivors = state.survivors.get(worker);
              int alive = 0;
              for (int i = from; i < to; i++) {
                double reach = 2 * points.upperBound(Math.sqrt(closest[i])) + 2 * points.slackAbsolute();
                if (toCenter[state.nearest[i]] > reach) {
                  d[i] = closest[i];
                } else {
                  survivors[alive++] = i;
                }
              }
              points.squaredDistancesToPoint(candidate, survivors, alive, d);
              for (int i = from; i < to; i++) {
                d[i] = Math.min(closest[i], d[i]);
                s += d[i];
              }
            } else {
              points.squaredDistancesToPoint(candidate, d, from, to);
              for (int i = from; i < to; i++) {
                if (closest[i] < d[i]) {
                  d[i] = closest[i];
                }
                s += d[i];
              }
            }
            state.trialChunkSums[t][index] = s;
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
