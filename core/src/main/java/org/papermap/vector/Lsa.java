package org.papermap.vector;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Latent semantic analysis (Deerwester, Dumais, Furnas, Landauer and Harshman, "Indexing by latent
 * semantic analysis", JASIS 41(6), 1990): dense {@code d}-dimensional embeddings of TF-IDF rows by a
 * truncated SVD, as scikit-learn's {@code TruncatedSVD}. {@link #fit} is {@link LsaModel#fit}; this class
 * holds the options.
 *
 * <p>Thread-safety: immutable and safe (a static utility).
 */
public final class Lsa {
  /** Default embedding dimension. */
  public static final int DEFAULT_DIMENSIONS = 100;
  /** Embeddings are L2-normalized by default, so that a dot product is a cosine. */
  public static final boolean DEFAULT_NORMALIZE_ROWS = true;

  private Lsa() {}

  /** Same as {@link LsaModel#fit(SparseMatrix, Options)}. */
  public static LsaModel fit(SparseMatrix tfidf, Options options) {
    return LsaModel.fit(tfidf, options);
  }

  /**
   * Options of {@link LsaModel#fit}.
   *
   * @param dimensions embedding dimension {@code d}, in {@code [1, min(rows, cols)]} (checked by fit)
   * @param svd options of the randomized SVD; its rank must equal {@code dimensions}
   * @param normalizeRows whether embeddings (and fold-ins) are L2-normalized; all-zero rows stay zero
   *     <p>Thread-safety: immutable and safe.
   */
  public record Options(int dimensions, RandomizedSvd.Options svd, boolean normalizeRows) {

    /** Validates the values; see the component descriptions. */
    public Options {
      checkDimensions(dimensions);
      Objects.requireNonNull(svd, "svd");
      if (svd.rank() != dimensions) {
        throw new IllegalArgumentException(
            "svd.rank must equal dimensions=" + dimensions + ", got " + svd.rank());
      }
    }

    private static void checkDimensions(int dimensions) {
      if (dimensions < 1) {
        throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
      }
    }

    /** Defaults with the given dimension. */
    public static Options ofDimensions(int dimensions) {
      return builder().dimensions(dimensions).build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /**
     * Builder of {@link Options}; starts from the defaults of {@link Lsa} and {@link RandomizedSvd}.
     *
     * <p>Thread-safety: not thread-safe; use one per thread.
     */
    public static final class Builder {
      private int dimensions = DEFAULT_DIMENSIONS;
      private boolean normalizeRows = DEFAULT_NORMALIZE_ROWS;
      private final RandomizedSvd.Options.Builder svd = RandomizedSvd.Options.builder();

      private Builder() {}

      public Builder dimensions(int dimensions) {
        this.dimensions = dimensions;
        return this;
      }

      public Builder normalizeRows(boolean normalizeRows) {
        this.normalizeRows = normalizeRows;
        return this;
      }

      public Builder oversampling(int oversampling) {
        svd.oversampling(oversampling);
        return this;
      }

      public Builder powerIterations(int powerIterations) {
        svd.powerIterations(powerIterations);
        return this;
      }

      public Builder powerIterationNormalizer(RandomizedSvd.PowerIterationNormalizer normalizer) {
        svd.powerIterationNormalizer(normalizer);
        return this;
      }

      public Builder seed(long seed) {
        svd.seed(seed);
        return this;
      }

      public Builder parallelism(int parallelism) {
        svd.parallelism(parallelism);
        return this;
      }

      public Builder executor(Executor executor) {
        svd.executor(executor);
        return this;
      }

      public Options build() {
        checkDimensions(dimensions); // before the SVD options report it as their rank
        return new Options(dimensions, svd.rank(dimensions).build(), normalizeRows);
      }
    }
  }
}
