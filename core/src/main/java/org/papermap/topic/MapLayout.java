package org.papermap.topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.papermap.internal.OptionMaps;
import org.papermap.vector.DenseVectors;

/**
 * A 2-D map of papers (or a layout in a few more dimensions, for clustering): UMAP's objective (McInnes, Healy,
 * Melville 2018) optimized in full batches from a PCA start.
 *
 * <ol>
 *   <li><b>initialize</b>: the first two principal components of the dense vectors ({@link PcaInit}),
 *       scaled to [−10, 10];
 *   <li><b>graph</b>: the fuzzy neighbourhood graph of the kNN graph ({@link FuzzyGraph});
 *   <li><b>curve</b>: {@code a, b} of {@code 1/(1 + a·d^{2b})} fitted to UMAP's target curve for {@link
 *       Options#minDist()} (spread 1), as UMAP's {@code find_ab_params};
 *   <li><b>optimize</b>: {@link LayoutOptimizer} for {@link Options#epochs()} epochs.
 * </ol>
 *
 * Neighbours come in as a {@link KnnGraph} (built from any {@code cluster.NeighbourProvider}), so the layout never
 * depends on the index stage. The result is identical for any thread count.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class MapLayout {
  static final float INITIAL_EXTENT = 10f;

  private MapLayout() {}

  /**
   * Lays out the papers of {@code graph} on a 2-D map, starting from the principal components of {@code vectors}.
   *
   * @throws IllegalArgumentException if the graph and the vectors differ in size, or if {@link
   *     Options#dimensions()} is not 2 (use {@link #embed} for more)
   */
  public static MapLayoutResult fit(DenseVectors vectors, KnnGraph graph, Options options) {
    Objects.requireNonNull(options, "options");
    if (options.dimensions() != 2) {
      throw new IllegalArgumentException(
          "dimensions must be 2 for a map (MapLayout.fit), got " + options.dimensions() + "; use MapLayout.embed");
    }
    float[][] xy = embed(vectors, graph, options);
    return new MapLayoutResult(xy[0], xy[1], options);
  }

  /**
   * Lays out the papers of {@code graph} in {@link Options#dimensions()} dimensions (UMAP's {@code
   * n_components}), starting from as many principal components of {@code vectors}: BERTopic clusters such a
   * 5-D layout and draws a 2-D one.
   *
   * @return {@code dimensions × n} coordinates (one array per dimension)
   * @throws IllegalArgumentException if the graph and the vectors differ in size
   */
  public static float[][] embed(DenseVectors vectors, KnnGraph graph, Options options) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(options, "options");
    if (vectors.size() != graph.size()) {
      throw new IllegalArgumentException(
          "graph and vectors differ in size: " + graph.size() + "!=" + vectors.size());
    }
    int n = vectors.size();
    if (n == 0) {
      return new float[options.dimensions()][0];
    }
    float[][] y = PcaInit.project(
        vectors, options.dimensions(), options.seed(), INITIAL_EXTENT, options.parallelism(), options.executor());
    FuzzyGraph fuzzy = FuzzyGraph.of(graph);
    double[] ab = curve(options.minDist());
    int epochs = options.epochs() > 0 ? options.epochs() : n <= 10_000 ? 500 : 200;
    new LayoutOptimizer(fuzzy, ab[0], ab[1], options.negativeSamples(), options.negativeSamples(), options.seed())
        .optimize(y, epochs, options.learningRate(), options.parallelism(), options.executor());
    return y;
  }

  /** {@code [a, b]} fitted to UMAP's target: 1 below {@code minDist}, {@code exp(−(d − minDist))} above. */
  static double[] curve(double minDist) {
    List<WeightedObservedPoint> points = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double d = 3.0 * i / 299;
      points.add(new WeightedObservedPoint(1, d, d < minDist ? 1 : Math.exp(-(d - minDist))));
    }
    ParametricUnivariateFunction f =
        new ParametricUnivariateFunction() {
          @Override
          public double value(double d, double... p) {
            return 1 / (1 + p[0] * Math.pow(d, 2 * p[1]));
          }

          @Override
          public double[] gradient(double d, double... p) {
            if (d == 0) {
              return new double[] {0, 0};
            }
            double d2b = Math.pow(d, 2 * p[1]);
            double den = (1 + p[0] * d2b) * (1 + p[0] * d2b);
            return new double[] {-d2b / den, -p[0] * d2b * 2 * Math.log(d) / den};
          }
        };
    return SimpleCurveFitter.create(f, new double[] {1, 1}).withMaxIterations(1000).fit(points);
  }

  /**
   * Layout settings.
   *
   * <p>The defaults (10 negative samples, learning rate 0.5, minDist 0.02) were chosen on the three
   * devsets and 30,000 arxiv-daily papers by how often a paper's 10 nearest papers on the map share its
   * label and are among its 10 nearest in LSA (docs/bench/topics.md).
   *
   * <p>Thread-safety: immutable and safe (the executor, if any, is the caller's).
   *
   * @param epochs optimization epochs, in [0, {@value #MAX_EPOCHS}]; 0 = 500 up to 10,000 papers, else 200
   *     (as UMAP)
   * @param negativeSamples random repulsions per paper and epoch, in [0, 100]
   * @param minDist how tightly close papers may pack, in [0, 1) (UMAP's {@code min_dist}, spread 1)
   * @param learningRate the initial Adam step, finite and &gt; 0
   * @param seed the seed of the initial components and of the negative samples
   * @param parallelism threads for a local pool when {@code executor} is null, in [1, 256]
   * @param executor where to run tasks, or null
   * @param dimensions output dimensions, in [{@value #MIN_DIMENSIONS}, {@value #MAX_DIMENSIONS}]: 2 for a map
   *     ({@link #fit}), more for {@link #embed}
   */
  public record Options(
      int epochs, int negativeSamples, double minDist, double learningRate, long seed, int parallelism,
      Executor executor, int dimensions) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int DEFAULT_EPOCHS = 0;
    public static final int DEFAULT_NEGATIVE_SAMPLES = 10;
    public static final double DEFAULT_MIN_DIST = 0.02;
    public static final double DEFAULT_LEARNING_RATE = 0.5;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int DEFAULT_DIMENSIONS = 2;
    public static final int MIN_DIMENSIONS = 2;
    public static final int MAX_DIMENSIONS = 16;

    public Options {
      if (epochs < 0 || epochs > MAX_EPOCHS) {
        throw new IllegalArgumentException("epochs must be in [0, " + MAX_EPOCHS + "], got " + epochs);
      }
      if (negativeSamples < 0 || negativeSamples > 100) {
        throw new IllegalArgumentException("negativeSamples must be in [0, 100], got " + negativeSamples);
      }
      if (!(minDist >= 0 && minDist < 1)) {
        throw new IllegalArgumentException("minDist must be in [0, 1), got " + minDist);
      }
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
      }
      if (parallelism < 1 || parallelism > 256) {
        throw new IllegalArgumentException("parallelism must be in [1, 256], got " + parallelism);
      }
      if (dimensions < MIN_DIMENSIONS || dimensions > MAX_DIMENSIONS) {
        throw new IllegalArgumentException(
            "dimensions must be in [" + MIN_DIMENSIONS + ", " + MAX_DIMENSIONS + "], got " + dimensions);
      }
    }

    /** As before {@code dimensions} existed: a 2-D map. */
    public Options(
        int epochs, int negativeSamples, double minDist, double learningRate, long seed, int parallelism,
        Executor executor) {
      this(epochs, negativeSamples, minDist, learningRate, seed, parallelism, executor, DEFAULT_DIMENSIONS);
    }

    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    public Builder toBuilder() {
      return new Builder().epochs(epochs).negativeSamples(negativeSamples).minDist(minDist)
          .learningRate(learningRate).seed(seed).parallelism(parallelism).executor(executor)
          .dimensions(dimensions);
    }

    /** All fields but the executor as strings. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("epochs", Integer.toString(epochs));
      m.put("negativeSamples", Integer.toString(negativeSamples));
      m.put("minDist", Double.toString(minDist));
      m.put("learningRate", Double.toString(learningRate));
      m.put("seed", Long.toString(seed));
      m.put("parallelism", Integer.toString(parallelism));
      m.put("dimensions", Integer.toString(dimensions));
      return m;
    }

    /**
     * Reads {@link #toMap} output; the executor is null; a map without {@code dimensions} (written before it
     * existed) means 2.
     *
     * @throws IllegalArgumentException naming a missing or malformed key
     */
    public static Options fromMap(Map<String, String> m) {
      return new Options(
          OptionMaps.intValue(m, "epochs"), OptionMaps.intValue(m, "negativeSamples"),
          OptionMaps.doubleValue(m, "minDist"), OptionMaps.doubleValue(m, "learningRate"),
          OptionMaps.longValue(m, "seed"), OptionMaps.intValue(m, "parallelism"), null,
          m.containsKey("dimensions") ? OptionMaps.intValue(m, "dimensions") : DEFAULT_DIMENSIONS);
    }

    /** A mutable builder holding the defaults; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
      private int epochs = DEFAULT_EPOCHS;
      private int negativeSamples = DEFAULT_NEGATIVE_SAMPLES;
      private double minDist = DEFAULT_MIN_DIST;
      private double learningRate = DEFAULT_LEARNING_RATE;
      private long seed = DEFAULT_SEED;
      private int parallelism = DEFAULT_PARALLELISM;
      private Executor executor;
      private int dimensions = DEFAULT_DIMENSIONS;

      public Builder epochs(int v) {
        epochs = v;
        return this;
      }

      public Builder negativeSamples(int v) {
        negativeSamples = v;
        return this;
      }

      public Builder minDist(double v) {
        minDist = v;
        return this;
      }

      public Builder learningRate(double v) {
        learningRate = v;
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

      public Builder dimensions(int v) {
        dimensions = v;
        return this;
      }

      public Options build() {
        return new Options(epochs, negativeSamples, minDist, learningRate, seed, parallelism, executor, dimensions);
      }
    }
  }
}
