package org.papermap.cluster;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One restart of batch k-means, as named steps: {@link #seed} → ({@link #assign} → {@link #update} →
 * {@link #converged})* → a final {@link #assign} unless the assignment was already stable, so that the
 * labels are those of the final centroids (scikit-learn's {@code _kmeans_single_lloyd} does the same).
 *
 * <p>Thread-safety: not thread-safe; one instance per restart, driven by one thread.
 */
final class KMeansRestart {
  private static final System.Logger LOG = System.getLogger(KMeansRestart.class.getName());

  /** What one restart produced. */
  record Outcome(int[] labels, KMeansCentroids centroids, double objective, int iterations, boolean converged) {}

  private final KMeansPoints points;
  private final KMeans.Options options;
  private final KMeansExecution exec;
  private final double tolerance;
  private final KMeansAssignment assignment;
  private final KMeansUpdate update;
  private final int[] labels;
  private final int[] previous;
  private final double[] shifts;
  private KMeansCentroids centroids;
  private KMeansCentroids next;
  private boolean stable;

  private KMeansRestart(KMeansPoints points, KMeans.Options options, KMeansExecution exec, double tolerance) {
    this.points = points;
    this.options = options;
    this.exec = exec;
    this.tolerance = tolerance;
    int k = options.k();
    assignment = KMeansAssignment.of(options.algorithm(), points, exec, k);
    update = new KMeansUpdate(points, exec, k);
    labels = new int[points.size()];
    previous = new int[points.size()];
    Arrays.fill(previous, -1);
    shifts = new double[k];
    centroids = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
    next = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
  }

  /**
   * Runs one restart.
   *
   * @param tolerance the absolute tolerance on the total squared centroid shift ({@code tol} × mean variance)
   */
  static Outcome run(
      KMeansPoints points, KMeans.Options options, SplittableRandom random, KMeansExecution exec, double tolerance) {
    return new KMeansRestart(points, options, exec, tolerance).run(random);
  }

  private Outcome run(SplittableRandom random) {
    seed(random);
    int iteration = 0;
    boolean converged = false;
    while (!converged && iteration < options.maxIter()) {
      assign();
      double shift = update();
      iteration++;
      converged = converged(shift, iteration);
    }
    if (!stable) {
      assign();
    }
    return new Outcome(labels, centroids, objective(), iteration, converged);
  }

  /** Seeding: the first centroids. */
  private void seed(SplittableRandom random) {
    KMeansSeeding.seed(points, options.init(), random, exec, centroids);
  }

  /** Assignment: every point to its nearest centroid. */
  private void assign() {
    assignment.assign(centroids, labels);
  }

  /** Update: centroids from the assignment; tells the assignment how far each moved. */
  private double update() {
    double total = update.update(labels, centroids, next, assignment, shifts);
    KMeansCentroids t = centroids;
    centroids = next;
    next = t;
    assignment.centroidsMoved(shifts, centroids.relativeErrorOfCentroidDistances());
    return total;
  }

  /**
   * Convergence: the assignment did not change (then it is also the final one), or the centroids moved
   * less than the tolerance.
   */
  private boolean converged(double shift, int iteration) {
    // Labels equal to the previous ones are final only if the update kept them: an empty-cluster
    // relocation moves points, and the centroids then no longer match these labels.
    stable = Arrays.equals(labels, previous) && !update.relocated();
    int iter = iteration;
    LOG.log(Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
        "k-means iteration %d: squared shift %.3g (tolerance %.3g), stable %b", iter, shift, tolerance, stable));
    if (stable || shift <= tolerance) {
      return true;
    }
    System.arraycopy(labels, 0, previous, 0, labels.length);
    return false;
  }

  /** The objective of the current labels and centroids, summed in chunk order. */
  private double objective() {
    return objective(points, centroids, labels, exec);
  }

  static double objective(KMeansPoints points, KMeansCentroids centroids, int[] labels, KMeansExecution exec) {
    double[] partials = new double[KMeansExecution.chunks(points.size())];
    exec.forChunks(
        points.size(),
        (worker, index, from, to) -> {
          double s = 0;
          for (int i = from; i < to; i++) {
            s += points.squaredDistance(i, centroids, labels[i]);
          }
          partials[index] = s;
        });
    double total = KMeansExecution.sumInOrder(partials);
    return points.metric() == ClusterMetric.COSINE ? 0.5 * total : total;
  }
}
