package org.papermap.vector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;

/**
 * Latent semantic analysis (Deerwester, Dumais, Furnas, Landauer and Harshman, "Indexing by latent
 * semantic analysis", JASIS 41(6), 1990): dense {@code d}-dimensional embeddings of TF-IDF rows by a
 * truncated SVD, as scikit-learn's {@code TruncatedSVD}. This class holds the options; {@code
 * LsaModel.fit(tfidf, options)} fits the model.
 *
 * <p>Thread-safety: immutable and safe (a static utility).
 */
public final class Lsa {
  /** Default embedding dimension. */
  public static final int DEFAULT_DIMENSIONS = 100;
  /** Embeddings are L2-normalized by default, so that a dot product is a cosine. */
  public static final boolean DEFAULT_NORMALIZE_ROWS = true;

  private Lsa() {}

  /**
   * Options of the LSA fit.
   *
   * @param dimensions embedding dimension {@code d}, in {@code [1, min(rows, cols)]} (checked by fit)
   * @param svd options of the randomized SVD; its rank must equal {@code dimensions}
   * @param normalizeRows whether embeddings (and fold-ins) are L2-normalized; all-zero rows stay zero
   *     <p>Thread-safety: immutable and safe.
   */
  public record Options(int dimensions, RandomizedSvdOptions svd, boolean normalizeRows) {

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

    /** Every value but the executor as strings; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("dimensions", Integer.toString(dimensions));
      m.put("normalizeRows", Boolean.toString(normalizeRows));
      svd.toMap().forEach((k, v) -> m.put("svd." + k, v));
      return m;
    }

    /**
     * Reads options written by {@link #toMap}; the executor is null.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static Options fromMap(Map<String, String> m) {
      try {
        String normalize = OptionMaps.require(m, "normalizeRows");
        if (!normalize.equals("true") && !normalize.equals("false")) {
          throw new IllegalArgumentException("option 'normalizeRows' must be true or false, got '" + normalize + "'");
        }
        return new Options(
            Integer.parseInt(OptionMaps.require(m, "dimensions")),
            RandomizedSvdOptions.fromMap(OptionMaps.withPrefix(m, "svd.")),
            Boolean.parseBoolean(normalize));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed LSA options: " + e.getMessage(), e);
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
     * Builder of {@link Options}; starts from the defaults of {@link Lsa} and {@link RandomizedSvdOptions}.
     *
     * <p>Thread-safety: not thread-safe; use one per thread.
     */
    public static final class Builder {
      private int dimensions = DEFAULT_DIMENSIONS;
      private boolean normalizeRows = DEFAULT_NORMALIZE_ROWS;
      private final RandomizedSvdOptions.Builder svd = RandomizedSvdOptions.builder();

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

      public Builder powerIterationNormalizer(RandomizedSvdOptions.PowerIterationNormalizer normalizer) {
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
