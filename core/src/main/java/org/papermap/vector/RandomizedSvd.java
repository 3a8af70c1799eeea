package org.papermap.vector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Randomized truncated singular value decomposition of a sparse CSR matrix: {@code A ≈ U·diag(s)·Vᵀ}
 * with the top {@code rank} singular triplets.
 *
 * <p>Algorithm: Halko, Martinsson and Tropp, "Finding structure with randomness: probabilistic
 * algorithms for constructing approximate matrix decompositions", SIAM Review 53(2), 2011, Algorithm
 * 4.4 (randomized subspace iteration), as in scikit-learn's {@code randomized_svd}:
 *
 * <ol>
 *   <li>draw a Gaussian test matrix {@code Ω} of size {@code cols × l}, {@code l = min(rank +
 *       oversampling, min(rows, cols))};
 *   <li>{@code q} power iterations {@code Q ← norm(A·Q)}, {@code Q ← norm(Aᵀ·Q)}, where {@code norm}
 *       re-orthonormalizes by QR (or LU, or nothing) to keep the columns from collapsing onto the top
 *       singular vector;
 *   <li>{@code Q ← qr(A·Q)}, an orthonormal basis of the approximate range of {@code A};
 *   <li>{@code B = Qᵀ·A} ({@code l × cols}), its exact SVD {@code B = Û·diag(s)·Vᵀ}, and {@code U =
 *       Q·Û};
 *   <li>keep the top {@code rank} triplets and fix signs as scikit-learn's {@code svd_flip} with a
 *       u-based decision: the largest-magnitude entry of each column of {@code U} is made positive.
 * </ol>
 *
 * <p>As scikit-learn's {@code transpose='auto'}, {@code Aᵀ} is factored instead when {@code rows <
 * cols}, so that the Gaussian matrix and the SVD block have {@code min(rows, cols)} rows.
 *
 * <p>The sparse matrix is never densified: {@code A·X} and {@code Aᵀ·X} for a dense {@code l}-column
 * block are computed straight from CSR ({@code Aᵀ·X} through one {@link SparseMatrix#transpose()},
 * which LsaBenchmark showed faster than scattering CSR rows on real TF-IDF). Dense work is in double
 * precision: tall blocks are orthonormalized by Cholesky QR ({@link RandomizedSvdKernels}), with EJML
 * doing the small {@code l × l} Cholesky and SVD and a Householder QR fallback for ill-conditioned
 * blocks.
 *
 * <p>Determinism: for a given seed the result is bit-identical for any {@link Options#parallelism()}.
 * Each output row of a sparse product is summed by one thread in CSR order, the Gaussian matrix is
 * drawn in fixed blocks of rows from a {@link SplittableRandom} split in block order, and the dense
 * decompositions run on one thread.
 *
 * <p>Thread-safety: immutable and safe (a static utility; each call owns its buffers).
 */
public final class RandomizedSvd {
  /** Seed used when none is given. */
  public static final long DEFAULT_SEED = 42L;
  /** Extra random columns beyond the rank, as scikit-learn's {@code n_oversamples}. */
  public static final int DEFAULT_OVERSAMPLING = 10;
  /** Marker for {@link Options#powerIterations()}: choose as scikit-learn's {@code 'auto'}. */
  public static final int AUTO_POWER_ITERATIONS = -1;
  /** Power iterations chosen by {@link #AUTO_POWER_ITERATIONS} when {@code rank <= 0.1·min(rows, cols)}. */
  public static final int DEFAULT_POWER_ITERATIONS = 5;
  /** Power iterations chosen by {@link #AUTO_POWER_ITERATIONS} when {@code rank > 0.1·min(rows, cols)}. */
  public static final int DEFAULT_POWER_ITERATIONS_HIGH_RANK = 7;
  /** Default normalizer between power iterations. */
  public static final PowerIterationNormalizer DEFAULT_NORMALIZER = PowerIterationNormalizer.QR;
  /** Default number of threads. */
  public static final int DEFAULT_PARALLELISM = 1;

  /** Largest dense block (values) that fits one Java array. */
  static final long MAX_BLOCK_VALUES = Integer.MAX_VALUE - 8;

  /** Rows per block of the Gaussian test matrix; fixed so that the draw does not depend on threads. */
  static final int GAUSSIAN_BLOCK_ROWS = 4096;

  private RandomizedSvd() {}

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

  /**
   * Options of {@link #fit}.
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
  public record Options(
      int rank,
      int oversampling,
      int powerIterations,
      PowerIterationNormalizer powerIterationNormalizer,
      long seed,
      int parallelism,
      Executor executor) {

    /** Validates every value; see the component descriptions. */
    public Options {
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
    public static Options ofRank(int rank) {
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

    /**
     * Builder of {@link Options}; starts from the defaults, rank 100.
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

      public Options build() {
        return new Options(rank, oversampling, powerIterations, normalizer, seed, parallelism, executor);
      }
    }
  }

  /**
   * Computes the top {@code options.rank()} singular triplets of {@code a}.
   *
   * <p>A zero matrix (or zero directions) yields singular values 0 with some orthonormal vectors.
   *
   * @throws IllegalArgumentException if the rank is not in {@code [1, min(rows, cols)]}
   */
  public static RandomizedSvdResult fit(SparseMatrix a, Options options) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(options, "options");
    final int n = a.rows();
    final int m = a.cols();
    final int minDim = Math.min(n, m);
    final int k = options.rank();
    if (k > minDim) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "rank must be in [1, min(rows, cols)=%d], got %d", minDim, k));
    }
    final int l = (int) Math.min((long) k + options.oversampling(), minDim);
    if ((long) Math.max(n, m) * l > MAX_BLOCK_VALUES) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "max(rows, cols) * min(rank + oversampling, min(rows, cols)) must be <= %d, got %d * %d",
              MAX_BLOCK_VALUES, Math.max(n, m), l));
    }
    final int iterations = options.resolvePowerIterations(n, m);

    ExecutorService ownPool = null;
    Executor executor = options.executor();
    if (options.parallelism() > 1 && executor == null) {
      ownPool = Executors.newFixedThreadPool(options.parallelism(), RandomizedSvd::daemon);
      executor = ownPool;
    }
    try {
      // As scikit-learn's transpose='auto': factor the taller of A and Aᵀ, so the Gaussian matrix and
      // the SVD block have min(rows, cols) rows.
      boolean transposed = n < m;
      SparseMatrix at = a.transpose();
      SparseMatrix mat = transposed ? at : a;
      Work w = new Work(mat, transposed ? a : at, l, options.parallelism(), executor);
      int rowsM = mat.rows();
      int colsM = mat.cols();
      PowerIterationNormalizer how = options.powerIterationNormalizer();
      double[] q = w.gaussian(colsM, options.seed());
      for (int it = 0; it < iterations; it++) {
        q = normalize(w.times(q), rowsM, l, how, w);
        q = normalize(w.transposeTimes(q), colsM, l, how, w);
      }
      q = RandomizedSvdKernels.thinQr(w.times(q), rowsM, l, true, w).q(); // range basis, rowsM × l
      // Bᵀ = Mᵀ·Q (colsM × l) = Uz·S·Vzᵀ, so M ≈ Q·B = (Q·Vz)·S·Uzᵀ.
      RandomizedSvdKernels.ThinSvd svd =
          RandomizedSvdKernels.thinSvd(w.transposeTimes(q), colsM, l, k, w);
      double[] left = RandomizedSvdKernels.multiply(q, rowsM, l, svd.v(), l, k, w); // rowsM × k
      double[] u;
      double[] vt;
      if (transposed) {
        u = svd.u(); // n × k
        vt = transposeBlock(left, m, k);
      } else {
        u = left;
        vt = transposeBlock(svd.u(), m, k);
      }
      flipSigns(u, n, k, vt, m);
      return new RandomizedSvdResult(n, m, k, u, Arrays.copyOf(svd.s(), k), vt, options, iterations);
    } finally {
      if (ownPool != null) {
        ownPool.shutdownNow();
      }
    }
  }

  /** The {@code cols × rows} transpose of a row-major {@code rows × cols} block. */
  private static double[] transposeBlock(double[] x, int rows, int cols) {
    double[] t = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      int o = r * cols;
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = x[o + c];
      }
    }
    return t;
  }

  /** Like scikit-learn's {@code svd_flip(u, v, u_based_decision=True)}; a zero column keeps its sign. */
  private static void flipSigns(double[] u, int n, int k, double[] vt, int m) {
    for (int j = 0; j < k; j++) {
      double best = -1;
      double sign = 1;
      for (int r = 0; r < n; r++) {
        double x = u[r * k + j];
        if (Math.abs(x) > best) {
          best = Math.abs(x);
          sign = x < 0 ? -1 : 1;
        }
      }
      if (sign < 0) {
        for (int r = 0; r < n; r++) {
          u[r * k + j] = -u[r * k + j];
        }
        for (int c = 0; c < m; c++) {
          vt[j * m + c] = -vt[j * m + c];
        }
      }
    }
  }

  private static double[] normalize(
      double[] y, int rows, int l, PowerIterationNormalizer how, Work w) {
    return switch (how) {
      case QR -> RandomizedSvdKernels.thinQr(y, rows, l, false, w).q();
      case LU -> permutedLowerOfLu(y, rows, l);
      case NONE -> y;
    };
  }

  /**
   * {@code P·L} of an LU factorization with partial pivoting of the row-major {@code y} ({@code rows
   * × l}, {@code rows >= l}), computed in place: what scipy's {@code lu(y, permute_l=True)} returns
   * first. A zero pivot column is skipped, leaving its unit diagonal.
   */
  static double[] permutedLowerOfLu(double[] y, int rows, int l) {
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      perm[i] = i;
    }
    double[] tmp = new double[l];
    for (int col = 0; col < l; col++) {
      int p = col;
      double best = Math.abs(y[col * l + col]);
      for (int i = col + 1; i < rows; i++) {
        double v = Math.abs(y[i * l + col]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
      if (p != col) {
        System.arraycopy(y, p * l, tmp, 0, l);
        System.arraycopy(y, col * l, y, p * l, l);
        System.arraycopy(tmp, 0, y, col * l, l);
        int t = perm[p];
        perm[p] = perm[col];
        perm[col] = t;
      }
      double pivot = y[col * l + col];
      if (pivot == 0) {
        continue;
      }
      int po = col * l;
      for (int i = col + 1; i < rows; i++) {
        int io = i * l;
        double f = y[io + col] / pivot;
        y[io + col] = f;
        if (f != 0) {
          for (int j = col + 1; j < l; j++) {
            y[io + j] -= f * y[po + j];
          }
        }
      }
    }
    double[] out = new double[rows * l];
    for (int i = 0; i < rows; i++) {
      int src = i * l;
      int dst = perm[i] * l;
      int diag = Math.min(i, l);
      System.arraycopy(y, src, out, dst, diag);
      if (i < l) {
        out[dst + i] = 1;
      }
    }
    return out;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "papermap-randomized-svd");
    t.setDaemon(true);
    return t;
  }

  /** A range task over rows {@code [from, to)}. */
  @FunctionalInterface
  interface RowRange {
    void run(int from, int to);
  }

  /** The matrix, its transpose and the threading of one fit call. */
  static final class Work {
    private final SparseMatrix a;
    private final SparseMatrix at;
    private final int l;
    private final int parallelism;
    private final Executor executor;

    Work(SparseMatrix a, SparseMatrix at, int l, int parallelism, Executor executor) {
      this.a = a;
      this.at = at;
      this.l = l;
      this.parallelism = parallelism;
      this.executor = executor;
    }

    /** {@code A·x}, {@code x} being {@code cols × l} row-major. */
    double[] times(double[] x) {
      return product(a, x);
    }

    /** {@code Aᵀ·x}, {@code x} being {@code rows × l} row-major. */
    double[] transposeTimes(double[] x) {
      return product(at, x);
    }

    private double[] product(SparseMatrix s, double[] x) {
      double[] out = new double[s.rows() * l];
      forBlocks(s.rows(), (from, to) -> multiplyRows(s, x, l, out, from, to));
      return out;
    }

    /** A {@code rows × l} standard Gaussian matrix, identical for any parallelism. */
    double[] gaussian(int rows, long seed) {
      double[] out = new double[rows * l];
      int blocks = (rows + GAUSSIAN_BLOCK_ROWS - 1) / GAUSSIAN_BLOCK_ROWS;
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom[] rngs = new SplittableRandom[blocks];
      for (int b = 0; b < blocks; b++) {
        rngs[b] = root.split(); // split in block order, before any thread starts
      }
      forBlocks(
          blocks,
          (fromBlock, toBlock) -> {
            for (int b = fromBlock; b < toBlock; b++) {
              int from = b * GAUSSIAN_BLOCK_ROWS * l;
              int to = Math.min(rows, (b + 1) * GAUSSIAN_BLOCK_ROWS) * l;
              fillGaussian(rngs[b], out, from, to);
            }
          });
      return out;
    }

    /** Runs {@code task} over {@code parallelism} contiguous slices of {@code [0, count)}. */
    void forBlocks(int count, RowRange task) {
      int threads = Math.min(parallelism, count);
      if (threads <= 1) {
        task.run(0, count);
        return;
      }
      CompletableFuture<?>[] futures = new CompletableFuture<?>[threads];
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) count * t / threads);
        int to = (int) ((long) count * (t + 1) / threads);
        futures[t] = CompletableFuture.runAsync(() -> task.run(from, to), executor);
      }
      try {
        CompletableFuture.allOf(futures).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
  }

  /**
   * {@code out[r, :] = Σ s[r, c]·x[c, :]} for rows {@code [from, to)}; one thread per output row, terms
   * taken four at a time in CSR order (35–40% faster than one at a time on the arXiv matrix: fewer
   * passes over the output row, more independent loads of {@code x} rows in flight).
   */
  static void multiplyRows(SparseMatrix s, double[] x, int l, double[] out, int from, int to) {
    for (int r = from; r < to; r++) {
      int oo = r * l;
      int i = s.rowStart(r);
      int end = s.rowEnd(r);
      for (; i + 4 <= end; i += 4) {
        double v0 = s.value(i);
        double v1 = s.value(i + 1);
        double v2 = s.value(i + 2);
        double v3 = s.value(i + 3);
        int x0 = s.colIndex(i) * l;
        int x1 = s.colIndex(i + 1) * l;
        int x2 = s.colIndex(i + 2) * l;
        int x3 = s.colIndex(i + 3) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += (v0 * x[x0 + j] + v1 * x[x1 + j]) + (v2 * x[x2 + j] + v3 * x[x3 + j]);
        }
      }
      for (; i < end; i++) {
        double v = s.value(i);
        int xo = s.colIndex(i) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += v * x[xo + j];
        }
      }
    }
  }

  /**
   * {@code out += sᵀ·x} by scattering each CSR row of {@code s} ({@code x} is {@code s.rows() × l},
   * {@code out} is {@code s.cols() × l}). Same products as {@link #multiplyRows} on the transpose,
   * added one at a time; kept for the test and benchmark that chose the transpose.
   */
  static void scatterTransposeTimes(SparseMatrix s, double[] x, int l, double[] out) {
    for (int r = 0; r < s.rows(); r++) {
      int xo = r * l;
      for (int i = s.rowStart(r), end = s.rowEnd(r); i < end; i++) {
        double v = s.value(i);
        int oo = s.colIndex(i) * l;
        for (int j = 0; j < l; j++) {
          out[oo + j] += v * x[xo + j];
        }
      }
    }
  }

  /** Standard normal deviates by the Box–Muller transform, two per pair of uniforms. */
  private static void fillGaussian(SplittableRandom rng, double[] out, int from, int to) {
    int i = from;
    while (i < to) {
      double u1 = 1.0 - rng.nextDouble(); // in (0, 1], so the log is finite
      double u2 = rng.nextDouble();
      // StrictMath: bit-identical deviates on every platform and JIT tier.
      double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
      double angle = 2.0 * Math.PI * u2;
      out[i++] = radius * StrictMath.cos(angle);
      if (i < to) {
        out[i++] = radius * StrictMath.sin(angle);
      }
    }
  }
}
