package org.papermap.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.papermap.internal.Parallel;

/**
 * Mini-batch k-means ({@link KMeans.Algorithm#MINI_BATCH}): D. Sculley, "Web-scale k-means clustering",
 * WWW 2010, in the form of scikit-learn 1.2's {@code MiniBatchKMeans}, as named steps:
 *
 * <ol>
 *   <li><b>seed</b>: {@code nInit} seedings, each on a random subsample of {@code 3 · batchSize} points (at
 *       least {@code 3k}), scored on one validation subsample of the same size; the best is kept;
 *   <li><b>step</b>, {@code maxIter · n / batchSize} times at most: draw a batch (with replacement), assign
 *       it, move each centroid to the running mean of all points it was given so far ({@code c ← (c·w +
 *       Σ x) / (w + m)}, re-normalized for COSINE), and re-seed centroids whose count fell below {@code
 *       reassignmentRatio} of the largest with random batch points;
 *   <li><b>converge</b>: stop when the centroids moved less than the tolerance in a step (if {@code tol >
 *       0}) or when an exponentially weighted average of the batch inertia has not improved for {@code
 *       maxNoImprovement} steps;
 *   <li><b>label</b> every point with its nearest final centroid (a full assignment pass).
 * </ol>
 *
 * <p>Batches are assigned in parallel over fixed chunks and applied in batch order, so the result does
 * not depend on the thread count.
 *
 * <p>Thread-safety: stateless; each call owns its state.
 */
final class MiniBatchKMeans {
  private final KMeansPoints points;
  private final KMeans.Options options;
  private final SplittableRandom random;
  private final KMeansExecution exec;
  private final double tolerance;
  private final int k;
  private final int batchSize;
  private final double[] counts;
  private final List<double[]> scratch;
  private KMeansCentroids centroids;
  private int sinceLastReassign;
  private double ewaInertia = Double.NaN;
  private double ewaInertiaMin = Double.NaN;
  private int noImprovement;

  private MiniBatchKMeans(
      KMeansPoints points, KMeans.Options options, SplittableRandom random, KMeansExecution exec, double tolerance) {
    this.points = points;
    this.options = options;
    this.random = random;
    this.exec = exec;
    this.tolerance = tolerance;
    this.k = options.k();
    this.batchSize = Math.min(options.batchSize(), points.size());
    this.counts = new double[k];
    this.scratch = Parallel.perWorker(exec.parallelism, w -> new double[Math.max(k, points.dimension())]);
  }

  static KMeansRestart.Outcome run(
      KMeansPoints points, KMeans.Options options, SplittableRandom random, KMeansExecution exec, double tolerance) {
    return new MiniBatchKMeans(points, options, random, exec, tolerance).run();
  }

  private KMeansRestart.Outcome run() {
    int n = points.size();
    seed();
    long steps = Math.max(1, (long) options.maxIter() * n / batchSize);
    int[] batch = new int[batchSize];
    int[] batchLabels = new int[batchSize];
    int step = 0;
    boolean converged = false;
    while (!converged && step < steps) {
      for (int i = 0; i < batchSize; i++) {
        batch[i] = random.nextInt(n);
      }
      KMeansPoints batchPoints = points.select(batch);
      double inertia = assign(batchPoints, batchLabels);
      double shift = update(batchPoints, batchLabels);
      if (reassignmentDue()) {
        shift += reassignSmallClusters(batchPoints);
      }
      centroids.refresh();
      converged = converged(step++, shift, inertia);
    }
    int[] labels = new int[n];
    new LloydAssignment(points, exec, k).assign(centroids, labels);
    double objective = KMeansRestart.objective(points, centroids, labels, exec);
    return new KMeansRestart.Outcome(labels, centroids, objective, step, converged);
  }

  /** Seeding: the best of nInit seedings on subsamples, scored on a validation subsample. */
  private void seed() {
    int n = points.size();
    int initSize = 3 * batchSize < k ? 3 * k : 3 * batchSize;
    initSize = Math.min(initSize, n);
    KMeansPoints validation = points.select(draw(n, initSize));
    int[] validationLabels = new int[validation.size()];
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < options.nInit(); t++) {
      KMeansPoints sample = points.select(draw(n, initSize));
      KMeansCentroids candidate = new KMeansCentroids(k, points.dimension(), points.needsTransposedCentroids());
      KMeansSeeding.seed(sample, options.init(), random, exec, candidate);
      new LloydAssignment(validation, exec, k).assign(candidate, validationLabels);
      double inertia = KMeansRestart.objective(validation, candidate, validationLabels, exec);
      if (centroids == null || inertia < best) {
        centroids = candidate;
        best = inertia;
      }
    }
  }

  private int[] draw(int n, int size) {
    int[] rows = new int[size];
    for (int i = 0; i < size; i++) {
      rows[i] = random.nextInt(n);
    }
    return rows;
  }

  /** Assigns the batch; returns its total squared distance (summed in chunk order). */
  private double assign(KMeansPoints batch, int[] labels) {
    double[] partials = new double[KMeansExecution.chunks(batch.size())];
    exec.forChunks(
        batch.size(),
        (worker, index, from, to) -> {
          double[] d = scratch.get(worker);
          double s = 0;
          for (int i = from; i < to; i++) {
            batch.squaredDistances(i, centroids, d);
            labels[i] = KMeansAssignment.argMin(d, k);
            s += d[labels[i]];
          }
          partials[index] = s;
        });
    return KMeansExecution.sumInOrder(partials);
  }

  /** Moves each centroid given batch points to the running mean; returns the total squared shift. */
  private double update(KMeansPoints batch, int[] labels) {
    int d = points.dimension();
    double[] sum = new double[d];
    double shift = 0;
    for (int c = 0; c < k; c++) {
      int members = 0;
      Arrays.fill(sum, 0.0);
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          batch.addTo(i, sum, 1.0);
          members++;
        }
      }
      if (members == 0) {
        continue;
      }
      float[] row = centroids.rows[c];
      double weight = counts[c];
      counts[c] += members;
      for (int j = 0; j < d; j++) {
        sum[j] = (row[j] * weight + sum[j]) / counts[c];
      }
      shift += store(sum, row);
    }
    return shift;
  }

  /** Writes {@code values} (re-normalized for COSINE) into {@code row}; returns the squared move. */
  private double store(double[] values, float[] row) {
    double divisor = 1;
    if (points.metric() == ClusterMetric.COSINE) {
      double norm = 0;
      for (double v : values) {
        norm += v * v;
      }
      divisor = norm == 0 ? 1 : Math.sqrt(norm);
    }
    double moved = 0;
    for (int j = 0; j < row.length; j++) {
      float v = (float) (values[j] / divisor);
      double delta = (double) v - row[j];
      moved += delta * delta;
      row[j] = v;
    }
    return moved;
  }

  /** As scikit-learn: every {@code 10 k} points seen, and whenever a centroid has no point yet. */
  private boolean reassignmentDue() {
    sinceLastReassign += batchSize;
    boolean anyEmpty = false;
    for (double c : counts) {
      anyEmpty |= c == 0;
    }
    if (options.reassignmentRatio() > 0 && (anyEmpty || sinceLastReassign >= 10 * k)) {
      sinceLastReassign = 0;
      return true;
    }
    return false;
  }

  /**
   * Re-seeds the centroids whose count is below {@code reassignmentRatio ·} the largest (at most half a
   * batch of them, the smallest counts first) with distinct random batch points; their counts become the
   * smallest count among the others. Returns the squared move.
   */
  private double reassignSmallClusters(KMeansPoints batch) {
    double max = 0;
    for (double c : counts) {
      max = Math.max(max, c);
    }
    double threshold = options.reassignmentRatio() * max;
    // counts are whole numbers: sort (count, index) packed in a long, smallest count first
    long[] bySize = new long[k];
    for (int c = 0; c < k; c++) {
      bySize[c] = (long) counts[c] * k + c;
    }
    Arrays.sort(bySize);
    boolean[] reassign = new boolean[k];
    int limit = batchSize / 2;
    int chosen = 0;
    for (int r = 0; r < k && chosen < limit; r++) {
      int c = (int) (bySize[r] % k);
      if (counts[c] < threshold) {
        reassign[c] = true;
        chosen++;
      }
    }
    if (chosen == 0 || chosen == k) {
      return 0;
    }
    int[] positions = new int[batch.size()];
    Arrays.setAll(positions, i -> i);
    double minKept = Double.POSITIVE_INFINITY;
    double shift = 0;
    float[] point = new float[points.dimension()];
    int drawn = 0;
    for (int c = 0; c < k; c++) {
      if (!reassign[c]) {
        minKept = Math.min(minKept, counts[c]);
        continue;
      }
      int j = drawn + random.nextInt(positions.length - drawn);
      int p = positions[j];
      positions[j] = positions[drawn];
      positions[drawn++] = p;
      batch.copyTo(p, point);
      float[] row = centroids.rows[c];
      for (int x = 0; x < row.length; x++) {
        double delta = (double) point[x] - row[x];
        shift += delta * delta;
      }
      System.arraycopy(point, 0, row, 0, row.length);
    }
    for (int c = 0; c < k; c++) {
      if (reassign[c]) {
        counts[c] = minKept;
      }
    }
    return shift;
  }

  /** scikit-learn's {@code _mini_batch_convergence}: centroid shift, then the smoothed batch inertia. */
  private boolean converged(int step, double shift, double batchInertia) {
    double inertia = batchInertia / batchSize;
    if (step == 0) {
      return false; // the first batch measures the seeding
    }
    if (Double.isNaN(ewaInertia)) {
      ewaInertia = inertia;
    } else {
      double alpha = Math.min(1.0, batchSize * 2.0 / (points.size() + 1));
      ewaInertia = ewaInertia * (1 - alpha) + inertia * alpha;
    }
    if (tolerance > 0 && shift <= tolerance) {
      return true;
    }
    if (Double.isNaN(ewaInertiaMin) || ewaInertia < ewaInertiaMin) {
      noImprovement = 0;
      ewaInertiaMin = ewaInertia;
    } else {
      noImprovement++;
    }
    return noImprovement >= options.maxNoImprovement();
  }
}
