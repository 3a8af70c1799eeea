package org.papermap.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.papermap.internal.Parallel;
import org.papermap.vector.DenseVectors;

/**
 * Places new points in a fitted clustering without refitting, as the reference library's {@code
 * approximate_predict}, and gives soft membership vectors ({@code membership_vector}, {@code
 * all_points_membership_vectors}; see {@link SoftMembership}). Built from an {@link HdbscanResult} and
 * the vectors it was fitted on, which it keeps by reference.
 *
 * <p>A new point q gets the fit's core distance (to its minSamples-th nearest training point) and its
 * nearest training point n in mutual reachability among its {@code 2·minSamples} nearest ones, at
 * {@code lambda = 1 / mr(q, n)}. If n left its cluster at a lambda no larger, q leaves with it (same
 * cluster, n's lambda); otherwise q belongs to the ancestor of n's cluster that still exists at q's
 * lambda. The label and probability then follow the fit's rules. A query equal to a training vector
 * is that training point: it gets the fit's label and probability, so predicting the training data
 * reproduces the fit.
 *
 * <p>Where the library differs: it mixes three core-distance definitions in prediction (k-th neighbour
 * counting the point itself for training points, the (minSamples+1)-th for new ones); here the fit's
 * definition is used throughout, and a point leaving with its neighbour takes that neighbour's lambda
 * for its probability (the library's own extended-tree rule) rather than its own.
 *
 * <p>Thread-safety: immutable; safe for concurrent predictions.
 */
public final class HdbscanPredictor {
  private final HdbscanResult result;
  private final MetricSpace space;
  private final ClusterTreeFacts facts;
  private final SoftMembership membership;
  private final double[] core;
  private final int candidates;

  private HdbscanPredictor(HdbscanResult result, MetricSpace space) {
    if (space.size() != result.size()) {
      throw new IllegalArgumentException(
          "vectors hold " + space.size() + " points but the result was fitted on " + result.size());
    }
    this.result = result;
    this.space = space;
    this.facts = new ClusterTreeFacts(result);
    this.membership = new SoftMembership(facts);
    this.core = result.coreDistanceArray();
    this.candidates = Math.min(space.size(), 2 * result.minSamples());
  }

  /** A predictor for a fit on float vectors ({@link Hdbscan#fit(DenseVectors, Hdbscan.Options)}). */
  public static HdbscanPredictor of(HdbscanResult result, DenseVectors vectors) {
    Objects.requireNonNull(result, "result");
    return new HdbscanPredictor(result, MetricSpace.of(vectors, result.options().metric()));
  }

  /** A predictor for a fit on double points ({@link Hdbscan#fit(double[][], Hdbscan.Options)}). */
  public static HdbscanPredictor of(HdbscanResult result, double[][] points) {
    Objects.requireNonNull(result, "result");
    return new HdbscanPredictor(result, MetricSpace.of(points, result.options().metric()));
  }

  /** The clustering this predictor places points in. */
  public HdbscanResult result() {
    return result;
  }

  /**
   * The label and probability of a new point.
   *
   * @throws IllegalArgumentException if the dimension differs from the fit's or a value is not finite
   */
  public HdbscanPrediction approximatePredict(float[] point) {
    return predict(space.query(point, "point"));
  }

  /** As {@link #approximatePredict(float[])} for a point in double precision. */
  public HdbscanPrediction approximatePredict(double[] point) {
    return predict(space.query(point, "point"));
  }

  /** {@link #approximatePredict(float[])} for every row, in order, on the fit's parallelism. */
  public List<HdbscanPrediction> approximatePredict(DenseVectors points) {
    Objects.requireNonNull(points, "points");
    HdbscanPrediction[] out = new HdbscanPrediction[points.size()];
    Parallel.forRange(points.size(), 32, result.options().parallelism(), result.options().executor(),
        (w, from, to) -> {
          for (int i = from; i < to; i++) {
            out[i] = predict(space.query(points.vector(i), "points row " + i));
          }
        });
    return Collections.unmodifiableList(new ArrayList<>(List.of(out)));
  }

  /**
   * The soft membership of a new point in each cluster, by label; sums to at most 1 (its probability
   * of being in some cluster). Empty when the fit found no cluster.
   */
  public double[] membershipVector(float[] point) {
    return membership(space.query(point, "point"));
  }

  /** As {@link #membershipVector(float[])} for a point in double precision. */
  public double[] membershipVector(double[] point) {
    return membership(space.query(point, "point"));
  }

  /** The membership vector of every training point ({@code [point][label]}). */
  public double[][] allPointsMembershipVectors() {
    CondensedTree tree = facts.tree;
    double[][] out = new double[space.size()][];
    Parallel.forRange(space.size(), 64, result.options().parallelism(), result.options().executor(),
        (w, from, to) -> {
          for (int i = from; i < to; i++) {
            int row = tree.rowOf(i);
            int point = i;
            out[i] = membership.vector(tree.parent(row), tree.lambda(row), e -> space.distance(point, e));
          }
        });
    return out;
  }

  /** Exemplar point ords of cluster {@code label}: the points that leave its leaf clusters last. */
  public int[] exemplars(int label) {
    return membership.exemplars()[label].clone();
  }

  /** Where a query lands: the cluster node and lambda it leaves at, or a training point it equals. */
  private record Placement(int trainingPoint, int node, double lambda, int neighbour) {}

  private Placement place(MetricSpace.Query q) {
    int n = space.size();
    // The nearest `candidates` training points by distance (equal distances by ord).
    int[] ord = new int[candidates];
    double[] dist = new double[candidates];
    int size = 0;
    for (int j = 0; j < n; j++) {
      double d = Math.sqrt(q.squaredDistance(j));
      if (size == candidates && d >= dist[size - 1]) {
        continue;
      }
      int pos = size < candidates ? size++ : size - 1;
      while (pos > 0 && dist[pos - 1] > d) {
        dist[pos] = dist[pos - 1];
        ord[pos] = ord[pos - 1];
        pos--;
      }
      dist[pos] = d;
      ord[pos] = j;
    }
    if (dist[0] == 0.0) {
      return new Placement(ord[0], -1, 0, ord[0]);
    }
    double alpha = result.options().alpha();
    double coreQ = dist[Math.min(result.minSamples(), size) - 1];
    int best = 0;
    double bestMr = Double.POSITIVE_INFINITY;
    for (int c = 0; c < size; c++) {
      double mr = Math.max(Math.max(coreQ, core[ord[c]]), dist[c] / alpha);
      if (mr < bestMr) {
        bestMr = mr;
        best = c;
      }
    }
    double lambda = bestMr > 0 ? 1.0 / bestMr : Double.POSITIVE_INFINITY;
    CondensedTree tree = facts.tree;
    int row = tree.rowOf(ord[best]);
    int node = tree.parent(row);
    if (tree.lambda(row) <= lambda) {
      return new Placement(-1, node, tree.lambda(row), ord[best]);
    }
    while (node != facts.root && tree.birthLambda(node) >= lambda) {
      node = tree.parentOf(node);
    }
    return new Placement(-1, node, lambda, ord[best]);
  }

  private HdbscanPrediction predict(MetricSpace.Query q) {
    if (facts.clusterNodes.length == 0) {
      return new HdbscanPrediction(ClusterMetric.NOISE, 0.0);
    }
    Placement p = place(q);
    if (p.trainingPoint() >= 0) {
      return new HdbscanPrediction(result.label(p.trainingPoint()), result.probability(p.trainingPoint()));
    }
    int label = facts.labelOf(p.node(), p.lambda());
    return new HdbscanPrediction(label, facts.probability(label, p.lambda()));
  }

  private double[] membership(MetricSpace.Query q) {
    if (facts.clusterNodes.length == 0) {
      return new double[0];
    }
    Placement p = place(q);
    CondensedTree tree = facts.tree;
    int row = tree.rowOf(p.neighbour());
    int node = tree.parent(row);
    double lambda = p.trainingPoint() >= 0 ? tree.lambda(row) : Math.min(p.lambda(), tree.lambda(row));
    return membership.vector(node, lambda, e -> Math.sqrt(q.squaredDistance(e)));
  }
}
