package org.papermap.vector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;

/**
 * A fitted LSA model: the top {@code d} right singular vectors of a TF-IDF matrix {@code X} ({@code
 * n × m}), the embeddings {@code X·V} of its rows and fold-in of new rows.
 *
 * <p>Definitions follow scikit-learn's {@code TruncatedSVD}: {@link #components()} is {@code Vᵀ}
 * ({@code d × m}), {@link #singularValues()} are descending, and {@link #explainedVarianceRatio()} is
 * the (population) variance of each column of {@code X·V} divided by the sum of the column variances
 * of {@code X}, both computed without densifying {@code X}. Embeddings differ from {@code
 * TruncatedSVD.fit_transform} ({@code U·diag(s)}) only by the part of {@code X} outside the computed
 * subspace; here they equal {@link #transform(SparseMatrix)} of the training rows exactly.
 *
 * <p>With {@link Lsa.Options#normalizeRows()} the embeddings and fold-ins are scaled to
 * unit L2 length (a fixed-order scalar sum); a row whose projection is all zero (an empty
 * paper, or one whose terms are all outside the model) stays all zero instead of failing. For a zero
 * matrix the singular values are 0, the embeddings are zero and the explained variance ratios are 0
 * (scikit-learn would divide 0 by 0).
 *
 * <p>Files: {@link LsaModelFile} saves and opens models.
 *
 * <p>Thread-safety: immutable and safe for concurrent {@code transform} calls.
 */
public final class LsaModel {
  private final Lsa.Options options;
  private final int featureCount;
  private final int dimensions;
  /** {@code V}, feature-major ({@code m × d}), so that fold-in reads one contiguous row per term. */
  private final float[] basis;
  private final double[] singularValues;
  private final double[] explainedVariance;
  private final double[] explainedVarianceRatio;
  private final DenseVectors embeddings;
  private final int powerIterations;

  LsaModel(
      Lsa.Options options,
      int featureCount,
      float[] basis,
      double[] singularValues,
      double[] explainedVariance,
      double[] explainedVarianceRatio,
      DenseVectors embeddings,
      int powerIterations) {
    this.options = options;
    this.featureCount = featureCount;
    this.dimensions = options.dimensions();
    this.basis = basis;
    this.singularValues = singularValues;
    this.explainedVariance = explainedVariance;
    this.explainedVarianceRatio = explainedVarianceRatio;
    this.embeddings = embeddings;
    this.powerIterations = powerIterations;
  }

  /**
   * Fits the model by {@link RandomizedSvd} and embeds the rows of {@code tfidf}.
   *
   * @throws IllegalArgumentException if {@code options.dimensions()} is not in {@code [1, min(rows,
   *     cols)]}
   */
  public static LsaModel fit(SparseMatrix tfidf, Lsa.Options options) {
    return fit(tfidf, options, ProgressListener.NONE);
  }

  /**
   * As {@link #fit(SparseMatrix, Lsa.Options)}, reporting the step {@code lsa} to {@code progress},
   * counted in passes over {@code tfidf}: those of the randomized SVD, then one to embed the rows.
   *
   * @throws IllegalArgumentException if {@code options.dimensions()} is not in {@code [1, min(rows,
   *     cols)]}
   */
  public static LsaModel fit(SparseMatrix tfidf, Lsa.Options options, ProgressListener progress) {
    Objects.requireNonNull(tfidf, "tfidf");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    int minDim = Math.min(tfidf.rows(), tfidf.cols());
    if (options.dimensions() > minDim) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "dimensions must be in [1, min(rows, cols)=%d], got %d",
              minDim,
              options.dimensions()));
    }
    try (StepProgress step =
        StepProgress.begin(progress, "lsa", RandomizedSvd.passes(tfidf, options.svd()) + 1, "passes")) {
      LsaModel model = fit(tfidf, options, step);
      step.add(1);
      return model;
    }
  }

  private static LsaModel fit(SparseMatrix tfidf, Lsa.Options options, StepProgress step) {
    RandomizedSvdResult svd = RandomizedSvd.fit(tfidf, options.svd(), step);
    int m = tfidf.cols();
    int d = options.dimensions();
    double[] vt = svd.vtShared();
    float[] basis = new float[m * d];
    for (int j = 0; j < d; j++) {
      int vo = j * m;
      for (int c = 0; c < m; c++) {
        basis[c * d + j] = (float) vt[vo + c];
      }
    }

    int n = tfidf.rows();
    float[][] rows = new float[n][];
    double[] mean = new double[d];
    double[] acc = new double[d];
    for (int r = 0; r < n; r++) {
      rows[r] = project(tfidf, r, basis, d, acc);
      for (int j = 0; j < d; j++) {
        mean[j] += rows[r][j];
      }
    }
    double[] explainedVariance = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        double x = rows[r][j] - mean[j];
        explainedVariance[j] += x * x;
      }
    }
    double totalVariance = totalColumnVariance(tfidf);
    double[] ratio = new double[d];
    for (int j = 0; j < d; j++) {
      explainedVariance[j] /= n;
      ratio[j] = totalVariance > 0 ? explainedVariance[j] / totalVariance : 0;
    }
    if (options.normalizeRows()) {
      for (float[] row : rows) {
        normalize(row);
      }
    }
    return new LsaModel(
        options,
        m,
        basis,
        svd.singularValues(),
        explainedVariance,
        ratio,
        DenseVectors.ofOwned(rows),
        svd.powerIterations());
  }

  /** {@code x[r]·V}, summed in double in CSR order. */
  private static float[] project(SparseMatrix x, int r, float[] basis, int d, double[] acc) {
    Arrays.fill(acc, 0);
    for (int i = x.rowStart(r), end = x.rowEnd(r); i < end; i++) {
      double v = x.value(i);
      int bo = x.colIndex(i) * d;
      for (int j = 0; j < d; j++) {
        acc[j] += v * basis[bo + j];
      }
    }
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) acc[j];
    }
    return out;
  }

  /** {@code Σ_c Var(X[:, c])} (population variance), two passes over the non-zeros. */
  private static double totalColumnVariance(SparseMatrix x) {
    int n = x.rows();
    int m = x.cols();
    if (n == 0) {
      return 0;
    }
    double[] mean = new double[m];
    int[] count = new int[m];
    for (int i = 0, nnz = x.nnz(); i < nnz; i++) {
      mean[x.colIndex(i)] += x.value(i);
      count[x.colIndex(i)]++;
    }
    for (int c = 0; c < m; c++) {
      mean[c] /= n;
    }
    double[] squares = new double[m];
    for (int i = 0, nnz = x.nnz(); i < nnz; i++) {
      double dev = x.value(i) - mean[x.colIndex(i)];
      squares[x.colIndex(i)] += dev * dev;
    }
    double total = 0;
    for (int c = 0; c < m; c++) {
      // Implicit zeros each contribute mean².
      total += (squares[c] + (double) (n - count[c]) * mean[c] * mean[c]) / n;
    }
    return total;
  }

  /**
   * Folds in a new TF-IDF row (same vocabulary as the training matrix): {@code x·V}, L2-normalized
   * when the options say so.
   *
   * @throws IllegalArgumentException if an index of {@code x} is not in {@code [0, featureCount())}
   */
  public float[] transform(SparseVector x) {
    Objects.requireNonNull(x, "x");
    if (x.size() > 0 && x.index(x.size() - 1) >= featureCount) {
      throw new IllegalArgumentException(
          "x: feature index " + x.index(x.size() - 1) + " is not in [0, featureCount=" + featureCount + ")");
    }
    double[] acc = new double[dimensions];
    for (int i = 0; i < x.size(); i++) {
      double v = x.value(i);
      int bo = x.index(i) * dimensions;
      for (int j = 0; j < dimensions; j++) {
        acc[j] += v * basis[bo + j];
      }
    }
    float[] out = new float[dimensions];
    for (int j = 0; j < dimensions; j++) {
      out[j] = (float) acc[j];
    }
    return options.normalizeRows() ? normalize(out) : out;
  }

  /**
   * Folds in every row of {@code x}; see {@link #transform(SparseVector)}.
   *
   * @throws IllegalArgumentException if {@code x.cols() != featureCount()}
   */
  public DenseVectors transform(SparseMatrix x) {
    Objects.requireNonNull(x, "x");
    if (x.cols() != featureCount) {
      throw new IllegalArgumentException(
          "x.cols must equal featureCount=" + featureCount + ", got " + x.cols());
    }
    float[][] rows = new float[x.rows()][];
    double[] acc = new double[dimensions];
    for (int r = 0; r < x.rows(); r++) {
      rows[r] = project(x, r, basis, dimensions, acc);
      if (options.normalizeRows()) {
        normalize(rows[r]);
      }
    }
    return DenseVectors.ofOwned(rows);
  }

  /** The embeddings of the training rows ({@code n × d}). */
  public DenseVectors embeddings() {
    return embeddings;
  }

  /**
   * This model with {@code rows} (e.g. {@link #transform(SparseMatrix)} of new documents) appended to its
   * embeddings; the basis is shared, nothing is refitted.
   *
   * @throws IllegalArgumentException if the dimension of {@code rows} is not {@link #dimensions()}
   */
  public LsaModel withAppendedEmbeddings(DenseVectors rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.size() == 0) {
      return this;
    }
    if (rows.dimension() != dimensions) {
      throw new IllegalArgumentException("rows have dimension " + rows.dimension() + ", the model " + dimensions);
    }
    float[][] all = new float[embeddings.size() + rows.size()][];
    for (int i = 0; i < embeddings.size(); i++) {
      all[i] = embeddings.vector(i);
    }
    for (int i = 0; i < rows.size(); i++) {
      all[embeddings.size() + i] = rows.vector(i);
    }
    return new LsaModel(options, featureCount, basis, singularValues, explainedVariance, explainedVarianceRatio,
        DenseVectors.ofOwned(all), powerIterations);
  }

  /** {@code Vᵀ} as a fresh {@code d × m} array: row {@code j} is the j-th component. */
  public float[][] components() {
    float[][] out = new float[dimensions][featureCount];
    for (int c = 0; c < featureCount; c++) {
      for (int j = 0; j < dimensions; j++) {
        out[j][c] = basis[c * dimensions + j];
      }
    }
    return out;
  }

  /** Entry {@code feature} of component {@code j}. */
  public float component(int j, int feature) {
    Objects.checkIndex(j, dimensions);
    Objects.checkIndex(feature, featureCount);
    return basis[feature * dimensions + j];
  }

  /** A copy of the singular values, descending. */
  public double[] singularValues() {
    return singularValues.clone();
  }

  /** A copy of the variance of each column of {@code X·V} (population variance, before normalization). */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /** A copy of {@link #explainedVariance()} divided by the total column variance of {@code X}. */
  public double[] explainedVarianceRatio() {
    return explainedVarianceRatio.clone();
  }

  /** The embedding dimension {@code d}. */
  public int dimensions() {
    return dimensions;
  }

  /** The number of features {@code m} (columns of the training matrix). */
  public int featureCount() {
    return featureCount;
  }

  /** The options of the fit (provenance). */
  public Lsa.Options options() {
    return options;
  }

  /** The power iterations actually run (resolves {@link RandomizedSvdOptions#AUTO_POWER_ITERATIONS}). */
  public int powerIterations() {
    return powerIterations;
  }

  @Override
  public String toString() {
    return "LsaModel[dimensions=" + dimensions + ", featureCount=" + featureCount + ", options=" + options + "]";
  }

  /** {@code V}, feature-major ({@code m × d}); not a copy: for {@link LsaModelFile} only. */
  float[] basisShared() {
    return basis;
  }

  /**
   * Unit length (zero rows stay zero) by a scalar sum in fixed order: VectorUtil's SIMD reduction order
   * depends on the JIT tier, so a model fitted twice in one JVM differed in its last bits.
   */
  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return v;
    }
    double inv = 1 / Math.sqrt(sum);
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (v[j] * inv);
    }
    return v;
  }
}
