package org.papermap.vector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;

/**
 * Options of {@link RandomizedSvd#fit}: rank, oversampling, power iterations, seed and threads.
 *
 * @param rank number of singular triplets, in {@code [1, min(rows, cols)]} (checked by fit)
 * @param oversampling extra random columns, {@code >= 0}
 * @param powerIterations number of power iterations {@code >= 0}, or {@link #AUTO_POWER_ITERATIONS}
 * @param powerIterationNormalizer normalization between power iterations
 * @param seed seed of the Gaussian test matrix
 * @param parallelism threads for the sparse products and the Gaussian draw, {@code >= 1}
 * @param executor where to run them when {@code parallelism > 1}; null means a pool private to each
 *     call, shut down before it returns
 *     <p>Thread-safety: immutable and safe (the executor is only used by fit).
 */
public record RandomizedSvdOptions(
    int rank,
    int oversampling,
    int powerIterations,
    PowerIterationNormalizer powerIterationNormalizer,
    long seed,
    int parallelism,
    Executor executor) {
  /** Seed used when none is given. */
  public static final long DEFAULT_SEED = 42L;
  /** Extra random columns beyond the rank, as scikit-learn's {@code n_oversamples}. */
  public static final int DEFAULT_OVERSAMPLING = 10;
  /** Marker for {@link #powerIterations()}: choose as scikit-learn's {@code 'auto'}. */
  public static final int AUTO_POWER_ITERATIONS = -1;
  /** Power iterations chosen by {@link #AUTO_POWER_ITERATIONS} when {@code rank <= 0.1·min(rows, cols)}. */
  public static final int DEFAULT_POWER_ITERATIONS = 5;
  /** Power iterations chosen by {@link #AUTO_POWER_ITERATIONS} when {@code rank > 0.1·min(rows, cols)}. */
  public static final int DEFAULT_POWER_ITERATIONS_HIGH_RANK = 7;
  /** Default normalizer between power iterations. */
  public static final PowerIterationNormalizer DEFAULT_NORMALIZER = PowerIterationNormalizer.QR;
  /** Default number of threads. */
  public static final int DEFAULT_PARALLELISM = 1;

  /**
   * How the block is re-conditioned between power iterations.
   *
   * <p>Thread-safety: immutable and safe.
   */
  public enum PowerIterationNormalizer {
    /** QR (one Cholesky QR pass, Householder when ill-conditioned): a near-orthonormal basis. */
    QR,
    /** LU with partial pivoting, returning {@code P·L} as scipy's {@code lu(permute_l=True)}: cheaper. */
    LU,
    /** No normalization: fastest, loses accuracy for more than a couple of iterations. */
    NONE
  }

  /** Validates every value; see the component descriptions. */
  public RandomizedSvdOptions {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    if (oversampling < 0) {
      throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
    }
    if (powerIterations < 0 && powerIterations != AUTO_POWER_ITERATIONS) {
      throw new IllegalArgumentException(
          "powerIterations must be >= 0 or AUTO_POWER_ITERATIONS (-1), got " + powerIterations);
    }
    Objects.requireNonNull(powerIterationNormalizer, "powerIterationNormalizer");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
  }

  /** Options with the given rank and every other value at its default. */
  public static RandomizedSvdOptions ofRank(int rank) {
    return builder().rank(rank).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The power iterations used for a {@code rows × cols} matrix, resolving {@code AUTO}. */
  public int resolvePowerIterations(int rows, int cols) {
    if (powerIterations != AUTO_POWER_ITERATIONS) {
      return powerIterations;
    }
    return rank > 0.1 * Math.min(rows, cols)
        ? DEFAULT_POWER_ITERATIONS_HIGH_RANK
        : DEFAULT_POWER_ITERATIONS;
  }

  /** Every value but the executor as strings; {@link #fromMap} reads them back. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rank", Integer.toString(rank));
    m.put("oversampling", Integer.toString(oversampling));
    m.put("powerIterations", Integer.toString(powerIterations));
    m.put("powerIterationNormalizer", powerIterationNormalizer.name());
    m.put("seed", Long.toString(seed));
    m.put("parallelism", Integer.toString(parallelism));
    return m;
  }

  /**
   * Reads options written by {@link #toMap}; the executor is null.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static RandomizedSvdOptions fromMap(Map<String, String> m) {
    try {
      return new RandomizedSvdOptions(
          Integer.parseInt(OptionMaps.require(m, "rank")),
          Integer.parseInt(OptionMaps.require(m, "oversampling")),
          Integer.parseInt(OptionMaps.require(m, "powerIterations")),
          PowerIterationNormalizer.valueOf(OptionMaps.require(m, "powerIterationNormalizer")),
          Long.parseLong(OptionMaps.require(m, "seed")),
          Integer.parseInt(OptionMaps.require(m, "parallelism")),
          null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed SVD options: " + e.getMessage(), e);
    }
  }

  /**
   * Builder of {@link RandomizedSvdOptions}; starts from the defaults, rank 100.
   *
   * <p>Thread-safety: not thread-safe; use one per thread.
   */
  public static final class Builder {
    private int rank = 100;
    private int oversampling = DEFAULT_OVERSAMPLING;
    private int powerIterations = AUTO_POWER_ITERATIONS;
    private PowerIterationNormalizer normalizer = DEFAULT_NORMALIZER;
    private long seed = DEFAULT_SEED;
    private int parallelism = DEFAULT_PARALLELISM;
    private Executor executor;

    private Builder() {}

    public Builder rank(int rank) {
      this.rank = rank;
      return this;
    }

    public Builder oversampling(int oversampling) {
      this.oversampling = oversampling;
      return this;
    }

    public Builder powerIterations(int powerIterations) {
      this.powerIterations = powerIterations;
      return this;
    }

    public Builder powerIterationNormalizer(PowerIterationNormalizer normalizer) {
      this.normalizer = normalizer;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    public RandomizedSvdOptions build() {
      return new RandomizedSvdOptions(rank, oversampling, powerIterations, normalizer, seed, parallelism, executor);
    }
  }
}
