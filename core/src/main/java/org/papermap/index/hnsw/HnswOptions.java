package org.papermap.index.hnsw;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;
import org.papermap.internal.VectorChecks;

/**
 * Parameters of {@link HnswIndex}: graph degree, beam widths, seed, threads and quantization.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param m max neighbours per node on levels above 0 (2·m on level 0), in [2, 512]
 * @param efConstruction beam width while building, {@code >= m}
 * @param efSearch default beam width while searching, {@code >= 1} (at least k is used)
 * @param seed seed of the level assignment
 * @param parallelism threads for {@code HnswIndex.build} and {@code neighbours}, {@code >= 1}
 * @param executor where those threads run; {@code null} for a private pool per call
 * @param quantization vector encoding used for traversal
 */
public record HnswOptions(
    int m,
    int efConstruction,
    int efSearch,
    long seed,
    int parallelism,
    Executor executor,
    Quantization quantization) {
  /** How vectors are scored during graph traversal. */
  public enum Quantization {
    /** float32 vectors only. */
    NONE,
    /** int8 codes (per-dimension min/max) for traversal, float re-ranking of the candidates. */
    INT8
  }

  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_EF_CONSTRUCTION = 100;
  public static final int DEFAULT_EF_SEARCH = 64;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_PARALLELISM = 1;

  public static final HnswOptions DEFAULT = builder().build();

  public HnswOptions {
    if (m < 2 || m > 512) {
      throw new IllegalArgumentException("m must be in [2, 512], got " + m);
    }
    if (efConstruction < m) {
      throw new IllegalArgumentException(
          "efConstruction must be >= m=" + m + ", got " + efConstruction);
    }
    if (efSearch < 1) {
      throw new IllegalArgumentException("efSearch must be >= 1, got " + efSearch);
    }
    VectorChecks.checkParallelism(parallelism);
    Objects.requireNonNull(quantization, "quantization");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every value but the executor as strings; {@link #fromMap} reads them back. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("m", Integer.toString(m));
    map.put("efConstruction", Integer.toString(efConstruction));
    map.put("efSearch", Integer.toString(efSearch));
    map.put("seed", Long.toString(seed));
    map.put("parallelism", Integer.toString(parallelism));
    map.put("quantization", quantization.name());
    return map;
  }

  /**
   * Reads options written by {@link #toMap}; the executor is null.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static HnswOptions fromMap(Map<String, String> map) {
    try {
      return new HnswOptions(
          Integer.parseInt(OptionMaps.require(map, "m")),
          Integer.parseInt(OptionMaps.require(map, "efConstruction")),
          Integer.parseInt(OptionMaps.require(map, "efSearch")),
          Long.parseLong(OptionMaps.require(map, "seed")),
          Integer.parseInt(OptionMaps.require(map, "parallelism")),
          null,
          Quantization.valueOf(OptionMaps.require(map, "quantization")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed HNSW options: " + e.getMessage(), e);
    }
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .m(m)
        .efConstruction(efConstruction)
        .efSearch(efSearch)
        .seed(seed)
        .parallelism(parallelism)
        .executor(executor)
        .quantization(quantization);
  }

  /** Builder with the DEFAULT_* values. Thread-safety: not thread-safe. */
  public static final class Builder {
    private int m = DEFAULT_M;
    private int efConstruction = DEFAULT_EF_CONSTRUCTION;
    private int efSearch = DEFAULT_EF_SEARCH;
    private long seed = DEFAULT_SEED;
    private int parallelism = DEFAULT_PARALLELISM;
    private Executor executor;
    private Quantization quantization = Quantization.NONE;

    public Builder m(int v) {
      m = v;
      return this;
    }

    public Builder efConstruction(int v) {
      efConstruction = v;
      return this;
    }

    public Builder efSearch(int v) {
      efSearch = v;
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

    public Builder quantization(Quantization v) {
      quantization = v;
      return this;
    }

    public HnswOptions build() {
      return new HnswOptions(m, efConstruction, efSearch, seed, parallelism, executor, quantization);
    }
  }
}
