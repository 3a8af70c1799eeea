package org.papermap.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.RandomizedSvd;
import org.papermap.vector.RandomizedSvdOptions;
import org.papermap.vector.RandomizedSvdResult;
import org.papermap.vector.SparseMatrix;

/**
 * Randomized SVD / LSA on a synthetic TF-IDF-like matrix (Zipf-distributed terms, about {@code
 * termsPerRow} distinct terms per row), built once per trial from a fixed seed, or a real matrix read
 * from the {@code mtx} parameter.
 *
 * <p>{@code transposeTimes*} compare the two ways of computing {@code Aᵀ·X} for a dense {@code rows ×
 * l} block straight from CSR: gathering over {@code A.transpose()} (what {@link RandomizedSvd} does)
 * or scattering each CSR row of {@code A}. Both kernels are copies of the core loops over the public
 * CSR accessors (the gather adds four terms at a time, as the core does).
 *
 * <p>Thread-safety: JMH state, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class LsaBenchmark {
  @Param({"20000"})
  int rows;

  @Param({"60000"})
  int cols;

  @Param({"120"})
  int termsPerRow;

  @Param({"100"})
  int rank;

  @Param({"1", "2"})
  int parallelism;

  @Param({"QR"})
  String normalizer;

  /** A Matrix Market file (e.g. the one lsa_side_by_side.sh writes) to use instead of the synthetic matrix. */
  @Param({""})
  String mtx;

  private SparseMatrix a;
  private SparseMatrix at;
  private double[] block;
  private int l;

  @Setup(Level.Trial)
  public void setUp() throws java.io.IOException {
    a = mtx.isEmpty() ? zipfMatrix(rows, cols, termsPerRow, 42) : LsaSideBySide.readMatrixMarket(java.nio.file.Path.of(mtx));
    rows = a.rows();
    cols = a.cols();
    at = a.transpose();
    l = rank + RandomizedSvdOptions.DEFAULT_OVERSAMPLING;
    block = new double[rows * l];
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < block.length; i++) {
      block[i] = rng.nextDouble() - 0.5;
    }
    double[] g = transposeTimesGather();
    double[] sc = transposeTimesScatter();
    for (int i = 0; i < g.length; i++) {
      if (Math.abs(g[i] - sc[i]) > 1e-9) {
        throw new IllegalStateException("gather and scatter disagree at " + i + ": " + g[i] + " vs " + sc[i]);
      }
    }
  }

  /** Rows of distinct Zipf(1.1)-distributed term ids with sublinear-TF-like weights, L2-normalized. */
  static SparseMatrix zipfMatrix(int rows, int cols, int termsPerRow, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] cdf = new double[cols];
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      sum += Math.pow(c + 1, -1.1);
      cdf[c] = sum;
    }
    int[] ptr = new int[rows + 1];
    int[] col = new int[rows * termsPerRow];
    float[] val = new float[rows * termsPerRow];
    int k = 0;
    int[] picked = new int[termsPerRow];
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < termsPerRow; t++) {
        int c = Arrays.binarySearch(cdf, rng.nextDouble() * sum);
        picked[t] = c < 0 ? Math.min(-c - 1, cols - 1) : c;
      }
      Arrays.sort(picked);
      int start = k;
      double norm = 0;
      for (int t = 0; t < termsPerRow; t++) {
        if (t > 0 && picked[t] == picked[t - 1]) {
          val[k - 1] += 1f; // repeated term: higher TF
          continue;
        }
        col[k] = picked[t];
        val[k++] = 1f + (float) Math.log(1 + picked[t] % 7);
      }
      for (int i = start; i < k; i++) {
        norm += val[i] * val[i];
      }
      for (int i = start; i < k; i++) {
        val[i] /= (float) Math.sqrt(norm);
      }
      ptr[r + 1] = k;
    }
    return SparseMatrix.of(rows, cols, ptr, Arrays.copyOf(col, k), Arrays.copyOf(val, k));
  }

  @Benchmark
  public RandomizedSvdResult randomizedSvd() {
    return RandomizedSvd.fit(
        a,
        RandomizedSvdOptions.builder()
            .rank(rank)
            .powerIterations(5)
            .powerIterationNormalizer(RandomizedSvdOptions.PowerIterationNormalizer.valueOf(normalizer))
            .seed(0)
            .parallelism(parallelism)
            .build());
  }

  @Benchmark
  public LsaModel lsaFit() {
    return LsaModel.fit(
        a,
        Lsa.Options.builder()
            .dimensions(rank)
            .powerIterations(5)
            .powerIterationNormalizer(RandomizedSvdOptions.PowerIterationNormalizer.valueOf(normalizer))
            .seed(0)
            .parallelism(parallelism)
            .build());
  }

  /** {@code Aᵀ·X} by gathering over the CSR transpose (one output row at a time, four terms at a time). */
  @Benchmark
  public double[] transposeTimesGather() {
    double[] out = new double[cols * l];
    for (int r = 0; r < at.rows(); r++) {
      int oo = r * l;
      int i = at.rowStart(r);
      int end = at.rowEnd(r);
      for (; i + 4 <= end; i += 4) {
        double v0 = at.value(i);
        double v1 = at.value(i + 1);
        double v2 = at.value(i + 2);
        double v3 = at.value(i + 3);
        int x0 = at.colIndex(i) * l;
        int x1 = at.colIndex(i + 1) * l;
        int x2 = at.colIndex(i + 2) * l;
        int x3 = at.colIndex(i + 3) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += (v0 * block[x0 + j] + v1 * block[x1 + j]) + (v2 * block[x2 + j] + v3 * block[x3 + j]);
        }
      }
      for (; i < end; i++) {
        double v = at.value(i);
        int xo = at.colIndex(i) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += v * block[xo + j];
        }
      }
    }
    return out;
  }

  /** {@code Aᵀ·X} by scattering each CSR row of {@code A} into the output rows of its terms. */
  @Benchmark
  public double[] transposeTimesScatter() {
    double[] out = new double[cols * l];
    for (int r = 0; r < a.rows(); r++) {
      int xo = r * l;
      for (int i = a.rowStart(r), end = a.rowEnd(r); i < end; i++) {
        double v = a.value(i);
        int oo = a.colIndex(i) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += v * block[xo + j];
        }
      }
    }
    return out;
  }

  /** The one-off cost that the gather pays for. */
  @Benchmark
  public SparseMatrix transpose() {
    return a.transpose();
  }
}
