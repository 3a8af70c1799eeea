package org.papermap.cluster;

import java.util.SplittableRandom;

/**
 * Runs the restarts of a k-means fit and keeps the best: one {@link SplittableRandom} from the seed,
 * split once per restart (so a restart's draws do not depend on threads or on the other restarts), one
 * execution (pool) for the whole fit, and the lowest objective wins, the earliest restart on a tie.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class KMeansFit {
  private KMeansFit() {}

  static KMeansResult fit(KMeansPoints points, KMeans.Options options) {
    double meanVariance = options.tol() == 0 ? 0 : points.meanVariance();
    double tolerance = options.tol() * meanVariance;
    SplittableRandom root = new SplittableRandom(options.seed());
    try (KMeansExecution exec = new KMeansExecution(options.parallelism(), options.executor())) {
      if (options.algorithm() == KMeans.Algorithm.MINI_BATCH) {
        return result(MiniBatchKMeans.run(points, options, root.split(), exec, tolerance), 0, options);
      }
      KMeansRestart.Outcome best = null;
      int bestRestart = -1;
      for (int r = 0; r < options.nInit(); r++) {
        KMeansRestart.Outcome outcome = KMeansRestart.run(points, options, root.split(), exec, tolerance);
        if (best == null || outcome.objective() < best.objective()) {
          best = outcome;
          bestRestart = r;
        }
      }
      return result(best, bestRestart, options);
    }
  }

  private static KMeansResult result(KMeansRestart.Outcome o, int restart, KMeans.Options options) {
    KMeansCentroids c = o.centroids();
    return new KMeansResult(
        o.labels(), ClusterLabels.sizes(o.labels(), c.k), c.flat(), c.k, c.dimension, o.objective(),
        o.iterations(), o.converged(), restart, options);
  }
}
