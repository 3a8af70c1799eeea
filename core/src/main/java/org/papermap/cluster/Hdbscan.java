package org.papermap.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;
import org.papermap.internal.VectorChecks;
import org.papermap.vector.DenseVectors;

/**
 * HDBSCAN, hierarchical density-based clustering with noise (Campello, Moulavi, Sander, "Density-Based
 * Clustering Based on Hierarchical Density Estimates", PAKDD 2013; McInnes, Healy, "Accelerated
 * Hierarchical Density Based Clustering", ICDMW 2017), with the definitions of the reference Python
 * library scikit-learn-contrib/hdbscan 0.8.x. {@link #fit} runs these steps:
 *
 * <ol>
 *   <li>core distances: the distance of each point to its {@code minSamples}-th nearest <em>other</em>
 *       point (the library's definition; scikit-learn ≥ 1.3 counts the point itself);
 *   <li>minimum spanning tree of the mutual-reachability graph, {@code mr(a, b) = max(core(a),
 *       core(b), d(a, b) / alpha)}: exact ({@link PrimMst}) or approximate ({@link ApproximateMst});
 *   <li>single-linkage dendrogram of that tree;
 *   <li>condensed tree: splits into parts smaller than {@code minClusterSize} become points falling
 *       out at {@code lambda = 1 / distance};
 *   <li>selection of flat clusters: excess of mass or leaves, {@code clusterSelectionEpsilon}, {@code
 *       maxClusterSize}, {@code allowSingleCluster};
 *   <li>labels (noise = {@link ClusterMetric#NOISE}), membership probabilities and GLOSH outlier scores.
 * </ol>
 *
 * <p>Results are identical for any {@code parallelism}. New points are placed with {@link
 * HdbscanPredictor}.
 *
 * <p>Thread-safety: stateless; {@link #fit} may run concurrently.
 */
public final class Hdbscan {
  /** {@link MstAlgorithm#AUTO} builds the exact tree up to this many points. */
  public static final int AUTO_EXACT_LIMIT = 30_000;

  private Hdbscan() {}

  /** Clusters {@code vectors} with exact neighbours ({@link BruteForceNeighbours}). */
  public static HdbscanResult fit(DenseVectors vectors, Options options) {
    Objects.requireNonNull(options, "options");
    return fit(vectors, options, new BruteForceNeighbours(options.parallelism(), options.executor()));
  }

  /**
   * Clusters {@code vectors}, asking {@code neighbours} for the k-nearest-neighbour queries (core
   * distances, and the graph of the approximate tree).
   *
   * @throws IllegalArgumentException if there are fewer than 2 vectors, or a COSINE vector is all zeros
   */
  public static HdbscanResult fit(DenseVectors vectors, Options options, NeighbourProvider neighbours) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(neighbours, "neighbours");
    int n = vectors.size();
    if (n < 2) {
      throw new IllegalArgumentException("vectors must hold at least 2 points, got " + n);
    }
    MetricSpace space = MetricSpace.of(vectors, options.metric());
    int k = neighboursNeeded(n, options);
    return run(space, nearestNeighbours(space, neighbours, k), options);
  }

  /**
   * Clusters points given in double precision, with exact neighbours computed in double: for
   * low-dimensional data (coordinates, measurements) where rounding to float would move small
   * distances. Same steps and options as {@link #fit(DenseVectors, Options)}.
   *
   * @param points {@code n × d} values, copied; rows must be non-null, of one length, and finite
   * @throws IllegalArgumentException naming the row and column of a bad value, or if there are fewer
   *     than 2 points
   */
  public static HdbscanResult fit(double[][] points, Options options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(options, "options");
    if (points.length < 2) {
      throw new IllegalArgumentException("points must hold at least 2 points, got " + points.length);
    }
    MetricSpace space = MetricSpace.of(points, options.metric());
    Neighbours knn = ExactKnn.allNeighbours(space, neighboursNeeded(points.length, options), options.parallelism(),
        options.executor());
    return run(space, knn, options);
  }

  /** The named steps, from the k-NN lists on. */
  private static HdbscanResult run(MetricSpace space, Neighbours knn, Options options) {
    int n = space.size();
    int minSamples = Math.min(options.minSamples(), n - 1);
    boolean exact = exactTree(n, options.mstAlgorithm());
    double[] core = coreDistances(knn, minSamples);
    SpanningTree mst = exact
        ? PrimMst.build(space, core, options.alpha(), options.parallelism(), options.executor())
        : ApproximateMst.build(space, core, knn, options.alpha(), options.parallelism(), options.executor());
    CondensedTree tree = TreeCondenser.condense(SingleLinkage.build(mst, n), options.minClusterSize());
    ClusterSelection.Selection selection = ClusterSelection.select(
        tree, options.selectionMethod(), options.clusterSelectionEpsilon(), options.maxClusterSize(),
        options.allowSingleCluster());
    Labelling.Labels labels = Labelling.label(tree, selection, options.clusterSelectionEpsilon());
    double[] outliers = Glosh.scores(tree);
    return new HdbscanResult(options, minSamples, labels, outliers, tree, core);
  }

  static boolean exactTree(int n, MstAlgorithm algorithm) {
    return algorithm == MstAlgorithm.EXACT || (algorithm == MstAlgorithm.AUTO && n <= AUTO_EXACT_LIMIT);
  }

  /** minSamples for the exact tree, the k-NN graph's k for the approximate one (both at most n − 1). */
  static int neighboursNeeded(int n, Options options) {
    int minSamples = Math.min(options.minSamples(), n - 1);
    return exactTree(n, options.mstAlgorithm())
        ? minSamples
        : Math.min(n - 1, Math.max(minSamples, options.graphNeighbours()));
  }

  private static Neighbours nearestNeighbours(MetricSpace space, NeighbourProvider provider, int k) {
    NeighbourQuery query = provider.index(space.asVectors(), space.metric());
    Neighbours knn = query.allNeighbours(k);
    if (knn.count() != space.size() || knn.k() != k) {
      throw new IllegalStateException(
          provider + " returned " + knn + " for " + space.size() + " points and k=" + k);
    }
    return knn;
  }

  /** The distance to the {@code minSamples}-th nearest other point. */
  static double[] coreDistances(Neighbours knn, int minSamples) {
    double[] core = new double[knn.count()];
    for (int i = 0; i < core.length; i++) {
      core[i] = knn.distance(i, minSamples - 1);
    }
    return core;
  }

  /**
   * Options of {@link Hdbscan#fit}, with the reference library's names and defaults.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param minClusterSize smallest group that counts as a cluster, {@code >= 2} (library default 5)
   * @param minSamples neighbours for the core distance, {@code >= 1}; the builder defaults it to
   *     minClusterSize, as the library does; values above {@code n − 1} act as {@code n − 1}
   * @param metric distance; COSINE clusters the L2-normalized vectors
   * @param alpha divides distances (not core distances) in mutual reachability, {@code > 0}
   * @param selectionMethod {@link ClusterSelectionMethod#EOM} or LEAF
   * @param clusterSelectionEpsilon clusters born below this distance merge up to the ancestor that
   *     exists at it, {@code >= 0} (0 = off)
   * @param maxClusterSize excess of mass splits clusters larger than this, {@code >= 0} (0 = no
   *     limit; ignored by LEAF)
   * @param allowSingleCluster whether the root may be the only cluster
   * @param mstAlgorithm exact, approximate, or chosen by size
   * @param graphNeighbours k of the k-nearest-neighbour graph of the approximate tree, {@code >= 2}
   *     (at least minSamples is used)
   * @param parallelism worker threads, {@code >= 1}; the result does not depend on it
   * @param executor where workers run; {@code null} for private threads per call
   */
  public record Options(
      int minClusterSize,
      int minSamples,
      ClusterMetric metric,
      double alpha,
      ClusterSelectionMethod selectionMethod,
      double clusterSelectionEpsilon,
      int maxClusterSize,
      boolean allowSingleCluster,
      MstAlgorithm mstAlgorithm,
      int graphNeighbours,
      int parallelism,
      Executor executor) {
    public static final int DEFAULT_MIN_CLUSTER_SIZE = 5;
    public static final int DEFAULT_GRAPH_NEIGHBOURS = 16;

    /** The library's defaults: minClusterSize 5, minSamples 5, euclidean, EOM. */
    public static final Options DEFAULT = builder().build();

    /** Validates the values; see the component descriptions. */
    public Options {
      if (minClusterSize < 2) {
        throw new IllegalArgumentException("minClusterSize must be >= 2, got " + minClusterSize);
      }
      if (minSamples < 1) {
        throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
      }
      Objects.requireNonNull(metric, "metric");
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
      }
      Objects.requireNonNull(selectionMethod, "selectionMethod");
      if (!(clusterSelectionEpsilon >= 0) || Double.isInfinite(clusterSelectionEpsilon)) {
        throw new IllegalArgumentException(
            "clusterSelectionEpsilon must be finite and >= 0, got " + clusterSelectionEpsilon);
      }
      if (maxClusterSize < 0) {
        throw new IllegalArgumentException("maxClusterSize must be >= 0 (0 = no limit), got " + maxClusterSize);
      }
      Objects.requireNonNull(mstAlgorithm, "mstAlgorithm");
      if (graphNeighbours < 2) {
        throw new IllegalArgumentException("graphNeighbours must be >= 2, got " + graphNeighbours);
      }
      VectorChecks.checkParallelism(parallelism);
    }

    public static Builder builder() {
      return new Builder();
    }

    /** A builder starting from these options (minSamples stays as it is). */
    public Builder toBuilder() {
      return new Builder()
          .minClusterSize(minClusterSize)
          .minSamples(minSamples)
          .metric(metric)
          .alpha(alpha)
          .selectionMethod(selectionMethod)
          .clusterSelectionEpsilon(clusterSelectionEpsilon)
          .maxClusterSize(maxClusterSize)
          .allowSingleCluster(allowSingleCluster)
          .mstAlgorithm(mstAlgorithm)
          .graphNeighbours(graphNeighbours)
          .parallelism(parallelism)
          .executor(executor);
    }

    /** All fields but the executor as strings, in declaration order; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("minClusterSize", Integer.toString(minClusterSize));
      m.put("minSamples", Integer.toString(minSamples));
      m.put("metric", metric.name());
      m.put("alpha", Double.toString(alpha));
      m.put("selectionMethod", selectionMethod.name());
      m.put("clusterSelectionEpsilon", Double.toString(clusterSelectionEpsilon));
      m.put("maxClusterSize", Integer.toString(maxClusterSize));
      m.put("allowSingleCluster", Boolean.toString(allowSingleCluster));
      m.put("mstAlgorithm", mstAlgorithm.name());
      m.put("graphNeighbours", Integer.toString(graphNeighbours));
      m.put("parallelism", Integer.toString(parallelism));
      return m;
    }

    /**
     * Reads options written by {@link #toMap}; the executor is null.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static Options fromMap(Map<String, String> m) {
      Objects.requireNonNull(m, "m");
      return new Options(
          OptionMaps.intValue(m, "minClusterSize"),
          OptionMaps.intValue(m, "minSamples"),
          OptionMaps.enumValue(m, "metric", ClusterMetric.class),
          OptionMaps.doubleValue(m, "alpha"),
          OptionMaps.enumValue(m, "selectionMethod", ClusterSelectionMethod.class),
          OptionMaps.doubleValue(m, "clusterSelectionEpsilon"),
          OptionMaps.intValue(m, "maxClusterSize"),
          OptionMaps.booleanValue(m, "allowSingleCluster"),
          OptionMaps.enumValue(m, "mstAlgorithm", MstAlgorithm.class),
          OptionMaps.intValue(m, "graphNeighbours"),
          OptionMaps.intValue(m, "parallelism"),
          null);
    }

    /** Builder with the library's defaults. Thread-safety: not thread-safe. */
    public static final class Builder {
      private int minClusterSize = DEFAULT_MIN_CLUSTER_SIZE;
      private Integer minSamples;
      private ClusterMetric metric = ClusterMetric.EUCLIDEAN;
      private double alpha = 1.0;
      private ClusterSelectionMethod selectionMethod = ClusterSelectionMethod.EOM;
      private double clusterSelectionEpsilon;
      private int maxClusterSize;
      private boolean allowSingleCluster;
      private MstAlgorithm mstAlgorithm = MstAlgorithm.AUTO;
      private int graphNeighbours = DEFAULT_GRAPH_NEIGHBOURS;
      private int parallelism = 1;
      private Executor executor;

      private Builder() {}

      public Builder minClusterSize(int v) {
        minClusterSize = v;
        return this;
      }

      /** Sets minSamples; when never called, minSamples = minClusterSize. */
      public Builder minSamples(int v) {
        minSamples = v;
        return this;
      }

      public Builder metric(ClusterMetric v) {
        metric = v;
        return this;
      }

      public Builder alpha(double v) {
        alpha = v;
        return this;
      }

      public Builder selectionMethod(ClusterSelectionMethod v) {
        selectionMethod = v;
        return this;
      }

      public Builder clusterSelectionEpsilon(double v) {
        clusterSelectionEpsilon = v;
        return this;
      }

      public Builder maxClusterSize(int v) {
        maxClusterSize = v;
        return this;
      }

      public Builder allowSingleCluster(boolean v) {
        allowSingleCluster = v;
        return this;
      }

      public Builder mstAlgorithm(MstAlgorithm v) {
        mstAlgorithm = v;
        return this;
      }

      public Builder graphNeighbours(int v) {
        graphNeighbours = v;
        return this;
      }

      public Builder parallelism(int v) {
        parallelism = v;
        return this;
      }

      public Builder executor(Executor v) {
        executor = v;
        return this;
      }

      public Options build() {
        return new Options(
            minClusterSize, minSamples == null ? minClusterSize : minSamples, metric, alpha, selectionMethod,
            clusterSelectionEpsilon, maxClusterSize, allowSingleCluster, mstAlgorithm, graphNeighbours,
            parallelism, executor);
      }
    }
  }
}
