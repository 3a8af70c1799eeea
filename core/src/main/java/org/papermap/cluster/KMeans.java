package org.papermap.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * k-means clustering of dense vectors or of a sparse CSR matrix (dense centroids), spherical or
 * Euclidean.
 *
 * <p>{@link ClusterMetric#EUCLIDEAN} minimizes the within-cluster sum of squares {@code Σ ||x − c||²}
 * (Lloyd 1982). {@link ClusterMetric#COSINE} is spherical k-means (Dhillon and Modha, "Concept
 * decompositions for large sparse text data using clustering", Machine Learning 42, 2001): points are
 * taken on the unit sphere ({@code x / ||x||}; rows that are already unit, as TF-IDF and LSA rows are by
 * default, are used as stored; zero rows stay at the origin), centroids are the re-normalized means, and
 * the objective is {@code ½ Σ ||x̂ − ĉ||²}, which is {@code Σ (1 − cos(x, c))} over non-zero rows.
 *
 * <p>Steps of one restart: <b>seed</b> (k-means++, Arthur and Vassilvitskii 2007, greedy with {@code 2 +
 * ⌊ln k⌋} candidates per step as scikit-learn; or k distinct random points) → <b>assign</b> each point to
 * its nearest centroid → <b>update</b> the centroids from the assignment (an empty cluster is re-seeded
 * with the point farthest from its centroid, as scikit-learn) → <b>converge</b> when the assignment no
 * longer changes or the centroids moved less than {@code tol}; the labels are then re-assigned to the
 * final centroids. The restart with the lowest objective of {@code nInit} wins (the first on a tie).
 *
 * <p>The assignment skips distance computations that the triangle inequality proves useless: {@link
 * Algorithm#HAMERLY} (Hamerly, "Making k-means even faster", SDM 2010; one lower bound per point; what
 * {@link Algorithm#AUTO}, the default, uses for dense vectors) or {@link Algorithm#ELKAN} (Elkan, "Using the triangle inequality to accelerate k-means", ICML
 * 2003; a lower bound per point and centroid). The bounds carry a margin for floating-point rounding, so
 * the result is identical to {@link Algorithm#LLOYD} (plain Lloyd, kept as the oracle). {@link
 * Algorithm#MINI_BATCH} is Sculley's mini-batch k-means ("Web-scale k-means clustering", WWW 2010) as
 * scikit-learn's {@code MiniBatchKMeans}, for very large corpora.
 *
 * <p>Determinism: for given data and options the result is bit-identical for any {@code parallelism}.
 * The seed feeds a {@link java.util.SplittableRandom} split once per restart; points are processed in
 * fixed chunks; every sum (centroids, objective, potentials) is taken in point order.
 *
 * <p>Thread-safety: a static utility; safe. Each call owns its buffers (and its pool, when it makes one).
 */
public final class KMeans {
  public static final int DEFAULT_K = 8;
  public static final ClusterMetric DEFAULT_METRIC = ClusterMetric.COSINE;
  public static final Algorithm DEFAULT_ALGORITHM = Algorithm.AUTO;
  public static final Init DEFAULT_INIT = Init.K_MEANS_PLUS_PLUS;
  /** scikit-learn 1.2's {@code n_init} for KMeans. */
  public static final int DEFAULT_N_INIT = 10;
  /** scikit-learn's {@code max_iter}. */
  public static final int DEFAULT_MAX_ITER = 300;
  /** scikit-learn's {@code tol}. */
  public static final double DEFAULT_TOL = 1e-4;
  /** scikit-learn's MiniBatchKMeans {@code batch_size}. */
  public static final int DEFAULT_BATCH_SIZE = 1024;
  /** scikit-learn's MiniBatchKMeans {@code max_no_improvement}. */
  public static final int DEFAULT_MAX_NO_IMPROVEMENT = 10;
  /** scikit-learn's MiniBatchKMeans {@code reassignment_ratio}. */
  public static final double DEFAULT_REASSIGNMENT_RATIO = 0.01;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_PARALLELISM = 1;
  public static final int MAX_PARALLELISM = 256;

  private KMeans() {}

  /**
   * How the assignment step is computed. AUTO, LLOYD, HAMERLY and ELKAN give the same result.
   *
   * <p>Thread-safety: immutable and safe.
   */
  public enum Algorithm {
    /**
     * The default: HAMERLY for dense vectors, LLOYD for sparse rows, the fastest of the three on LSA-100
     * and on TF-IDF respectively (TF-IDF distances are too alike for the bounds to prune much, and one
     * centroid's sparse dot product costs nearly as much as all k).
     */
    AUTO,
    /** Plain Lloyd: every point against every centroid each iteration. The oracle of the tests. */
    LLOYD,
    /**
     * Lloyd with Hamerly's bounds (2 per point): on LSA-100 vectors it skips about 40% of the distances,
     * whole points once they settle.
     */
    HAMERLY,
    /**
     * Lloyd with Elkan's bounds ({@code k} floats per point): skips about 90% of the distances on LSA-100,
     * but its bookkeeping cost more than it saved there; meant for expensive distances (high dimension).
     */
    ELKAN,
    /** Mini-batch k-means: approximate, for corpora too large for full passes. */
    MINI_BATCH
  }

  /** How each restart picks its first centroids. Thread-safety: immutable and safe. */
  public enum Init {
    /** Greedy k-means++ (2 + ln k candidates per step), as scikit-learn's {@code init='k-means++'}. */
    K_MEANS_PLUS_PLUS,
    /** k distinct points drawn uniformly, as scikit-learn's {@code init='random'}. */
    RANDOM
  }

  /**
   * Clusters dense vectors.
   *
   * @throws IllegalArgumentException if {@code k} exceeds the number of vectors, or there are none
   */
  public static KMeansResult fit(DenseVectors vectors, Options options) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(options, "options");
    checkSize(vectors.size(), options.k());
    return KMeansFit.fit(KMeansPoints.dense(vectors, options.metric()), options);
  }

  /**
   * Clusters the rows of a sparse CSR matrix (e.g. TF-IDF) with dense centroids; the matrix is never
   * densified.
   *
   * @throws IllegalArgumentException if {@code k} exceeds the number of rows, or there are none
   */
  public static KMeansResult fit(SparseMatrix matrix, Options options) {
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(options, "options");
    checkSize(matrix.rows(), options.k());
    return KMeansFit.fit(KMeansPoints.sparse(matrix, options.metric()), options);
  }

  private static void checkSize(int n, int k) {
    if (n == 0) {
      throw new IllegalArgumentException("cannot cluster 0 points");
    }
    if (k > n) {
      throw new IllegalArgumentException("k must be <= the number of points n=" + n + ", got " + k);
    }
  }

  /**
   * Options of {@link KMeans#fit}.
   *
   * @param k number of clusters, {@code >= 1} (and at most the number of points, checked by fit)
   * @param metric {@link ClusterMetric#COSINE} (spherical) or {@link ClusterMetric#EUCLIDEAN}
   * @param algorithm AUTO, HAMERLY, ELKAN or LLOYD (all the same result) or MINI_BATCH (approximate)
   * @param init how each restart seeds its centroids
   * @param nInit restarts, {@code >= 1}; the lowest objective wins. For MINI_BATCH, the number of seedings
   *     tried on a subsample before the one mini-batch run, as scikit-learn's MiniBatchKMeans
   * @param maxIter iterations per restart, {@code >= 1}; for MINI_BATCH, passes over the data
   * @param tol convergence tolerance {@code >= 0} on the total squared centroid shift of an iteration,
   *     relative to the mean per-feature variance of the points (scikit-learn's definition; for COSINE the
   *     variance of the points on the unit sphere). 0 stops only on an unchanged assignment
   * @param batchSize points per mini-batch, {@code >= 1} (MINI_BATCH only)
   * @param maxNoImprovement MINI_BATCH stops after this many batches without a better smoothed inertia,
   *     {@code >= 1}
   * @param reassignmentRatio MINI_BATCH re-seeds centroids whose count is below this share of the largest,
   *     in [0, 1)
   * @param seed seed of every random choice
   * @param parallelism threads, in [1, {@value #MAX_PARALLELISM}]; the result does not depend on it
   * @param executor where the threads run when {@code parallelism > 1}; null means a pool private to each
   *     fit, shut down before it returns
   *     <p>Thread-safety: immutable and safe (the executor is only used by fit).
   */
  public record Options(
      int k,
      ClusterMetric metric,
      Algorithm algorithm,
      Init init,
      int nInit,
      int maxIter,
      double tol,
      int batchSize,
      int maxNoImprovement,
      double reassignmentRatio,
      long seed,
      int parallelism,
      Executor executor) {

    /** Validates every value; see the component descriptions. */
    public Options {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(init, "init");
      atLeastOne("k", k);
      atLeastOne("nInit", nInit);
      atLeastOne("maxIter", maxIter);
      atLeastOne("batchSize", batchSize);
      atLeastOne("maxNoImprovement", maxNoImprovement);
      if (!(tol >= 0) || Double.isInfinite(tol)) {
        throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
      }
      if (!(reassignmentRatio >= 0 && reassignmentRatio < 1)) {
        throw new IllegalArgumentException("reassignmentRatio must be in [0, 1), got " + reassignmentRatio);
      }
      if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
        throw new IllegalArgumentException(
            "parallelism must be in [1, " + MAX_PARALLELISM + "], got " + parallelism);
      }
    }

    private static void atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, got " + value);
      }
    }

    /** The defaults with {@code k} clusters. */
    public static Options ofK(int k) {
      return builder().k(k).build();
    }

    /** A builder starting from the DEFAULT_* values. */
    public static Builder builder() {
      return new Builder();
    }

    public Builder toBuilder() {
      return new Builder()
          .k(k).metric(metric).algorithm(algorithm).init(init).nInit(nInit).maxIter(maxIter).tol(tol)
          .batchSize(batchSize).maxNoImprovement(maxNoImprovement).reassignmentRatio(reassignmentRatio)
          .seed(seed).parallelism(parallelism).executor(executor);
    }

    /** These options with another seed (e.g. to reproduce one restart). */
    public Options withSeed(long seed) {
      return toBuilder().seed(seed).build();
    }

    /** Every option but the executor, as strings; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("k", Integer.toString(k));
      m.put("metric", metric.name());
      m.put("algorithm", algorithm.name());
      m.put("init", init.name());
      m.put("nInit", Integer.toString(nInit));
      m.put("maxIter", Integer.toString(maxIter));
      m.put("tol", Double.toString(tol));
      m.put("batchSize", Integer.toString(batchSize));
      m.put("maxNoImprovement", Integer.toString(maxNoImprovement));
      m.put("reassignmentRatio", Double.toString(reassignmentRatio));
      m.put("seed", Long.toString(seed));
      m.put("parallelism", Integer.toString(parallelism));
      return m;
    }

    /**
     * Reads options written by {@link #toMap}; the executor is null.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static Options fromMap(Map<String, String> m) {
      try {
        return new Options(
            Integer.parseInt(get(m, "k")),
            ClusterMetric.valueOf(get(m, "metric")),
            Algorithm.valueOf(get(m, "algorithm")),
            Init.valueOf(get(m, "init")),
            Integer.parseInt(get(m, "nInit")),
            Integer.parseInt(get(m, "maxIter")),
            Double.parseDouble(get(m, "tol")),
            Integer.parseInt(get(m, "batchSize")),
            Integer.parseInt(get(m, "maxNoImprovement")),
            Double.parseDouble(get(m, "reassignmentRatio")),
            Long.parseLong(get(m, "seed")),
            Integer.parseInt(get(m, "parallelism")),
            null);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed k-means options: " + e.getMessage(), e);
      }
    }

    private static String get(Map<String, String> m, String key) {
      return OptionMaps.require(Objects.requireNonNull(m, "m"), key);
    }

    /** A mutable builder; {@link #build()} validates. Thread-safety: not thread-safe. */
    public static final class Builder {
      private int k = DEFAULT_K;
      private ClusterMetric metric = DEFAULT_METRIC;
      private Algorithm algorithm = DEFAULT_ALGORITHM;
      private Init init = DEFAULT_INIT;
      private int nInit = DEFAULT_N_INIT;
      private int maxIter = DEFAULT_MAX_ITER;
      private double tol = DEFAULT_TOL;
      private int batchSize = DEFAULT_BATCH_SIZE;
      private int maxNoImprovement = DEFAULT_MAX_NO_IMPROVEMENT;
      private double reassignmentRatio = DEFAULT_REASSIGNMENT_RATIO;
      private long seed = DEFAULT_SEED;
      private int parallelism = DEFAULT_PARALLELISM;
      private Executor executor;

      private Builder() {}

      public Builder k(int v) {
        k = v;
        return this;
      }

      public Builder metric(ClusterMetric v) {
        metric = v;
        return this;
      }

      public Builder algorithm(Algorithm v) {
        algorithm = v;
        return this;
      }

      public Builder init(Init v) {
        init = v;
        return this;
      }

      public Builder nInit(int v) {
        nInit = v;
        return this;
      }

      public Builder maxIter(int v) {
        maxIter = v;
        return this;
      }

      public Builder tol(double v) {
        tol = v;
        return this;
      }

      public Builder batchSize(int v) {
        batchSize = v;
        return this;
      }

      public Builder maxNoImprovement(int v) {
        maxNoImprovement = v;
        return this;
      }

      public Builder reassignmentRatio(double v) {
        reassignmentRatio = v;
        return this;
      }

      public Builder seed(long v) {
        seed = v;
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
        return new Options(k, metric, algorithm, init, nInit, maxIter, tol, batchSize, maxNoImprovement,
            reassignmentRatio, seed, parallelism, executor);
      }
    }
  }
}
