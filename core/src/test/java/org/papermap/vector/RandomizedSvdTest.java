package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.papermap.vector.RandomizedSvdOptions.PowerIterationNormalizer;

class RandomizedSvdTest {

  /** A random {@code rows × cols} CSR matrix with about {@code density·rows·cols} entries in [0, 1). */
  static SparseMatrix randomSparse(int rows, int cols, double density, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] ptr = new int[rows + 1];
    int[] ci = new int[(int) (rows * (long) cols)];
    float[] vv = new float[ci.length];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (rng.nextDouble() < density) {
          ci[k] = c;
          vv[k++] = (float) rng.nextDouble();
        }
      }
      ptr[r + 1] = k;
    }
    return SparseMatrix.of(rows, cols, ptr, Arrays.copyOf(ci, k), Arrays.copyOf(vv, k));
  }

  /**
   * Like {@link #randomSparse} with column {@code c} scaled by {@code (c + 1)^-decay}: the Zipf-like
   * column weights of TF-IDF, which give a decaying spectrum as real text does.
   */
  static SparseMatrix zipfSparse(int rows, int cols, double density, double decay, long seed) {
    SparseMatrix a = randomSparse(rows, cols, density, seed);
    float[] vv = a.values();
    int[] ci = a.columnIndices();
    for (int i = 0; i < vv.length; i++) {
      vv[i] *= (float) Math.pow(ci[i] + 1, -decay);
    }
    return SparseMatrix.of(rows, cols, a.rowPointers(), ci, vv);
  }

  static DMatrixRMaj dense(SparseMatrix a) {
    DMatrixRMaj d = new DMatrixRMaj(a.rows(), a.cols());
    for (int r = 0; r < a.rows(); r++) {
      for (int i = a.rowStart(r); i < a.rowEnd(r); i++) {
        d.set(r, a.colIndex(i), a.value(i));
      }
    }
    return d;
  }

  /** All singular values of the densified matrix by EJML's full SVD, descending. */
  static double[] exactSingularValues(SparseMatrix a) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
    assertTrue(svd.decompose(dense(a)));
    double[] s = svd.getSingularValues().clone();
    SingularOps_DDRM.descendingOrder(null, false, s, s.length, null, false);
    return s;
  }

  private static void assertRelativelyClose(double[] expected, double[] actual, double tol) {
    for (int i = 0; i < actual.length; i++) {
      double rel = Math.abs(actual[i] - expected[i]) / expected[i];
      assertTrue(rel <= tol, "singular value " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }
  }

  @Test
  void givenRandomSparseMatrixWithZipfColumns_whenFitWithDefaults_thenTopSingularValuesMatchFullSvd() {
    SparseMatrix a = zipfSparse(300, 200, 0.05, 0.7, 7);
    double[] exact = exactSingularValues(a);

    RandomizedSvdResult r = RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(10));

    assertEquals(10, r.rank());
    assertEquals(5, r.powerIterations());
    assertRelativelyClose(exact, r.singularValues(), 1e-3);
    for (int i = 1; i < r.rank(); i++) {
      assertTrue(r.singularValue(i) <= r.singularValue(i - 1), "descending at " + i);
    }
  }

  @Test
  void givenFlatSpectrum_whenFitWithMorePowerIterations_thenTopSingularValuesMatchFullSvd() {
    // Uniform random entries give sigma_2..sigma_10 within 10% of each other; 5 iterations leave a
    // ~1% error there (as they would in scikit-learn), 20 iterations converge.
    SparseMatrix a = randomSparse(300, 200, 0.05, 7);
    double[] exact = exactSingularValues(a);

    RandomizedSvdResult r =
        RandomizedSvd.fit(a, RandomizedSvdOptions.builder().rank(10).powerIterations(20).build());

    assertRelativelyClose(exact, r.singularValues(), 1e-3);
  }

  @Test
  void givenEachNormalizer_whenFit_thenTopSingularValuesMatchFullSvd() {
    SparseMatrix a = zipfSparse(300, 200, 0.05, 0.7, 11);
    double[] exact = exactSingularValues(a);
    for (PowerIterationNormalizer how : PowerIterationNormalizer.values()) {
      RandomizedSvdOptions o =
          RandomizedSvdOptions.builder().rank(5).powerIterationNormalizer(how).build();

      RandomizedSvdResult r = RandomizedSvd.fit(a, o);

      // NONE would lose the smaller directions to round-off, but only after many more iterations.
      assertRelativelyClose(exact, r.singularValues(), 1e-3);
    }
  }

  @Test
  void givenFit_whenCheckingFactors_thenOrthonormalAndReconstructingTheProjection() {
    SparseMatrix a = zipfSparse(120, 80, 0.1, 0.7, 3);
    int k = 8;
    RandomizedSvdResult r = RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(k));

    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double uu = 0;
        for (int row = 0; row < a.rows(); row++) {
          uu += r.u(row, i) * r.u(row, j);
        }
        double vv = 0;
        for (int c = 0; c < a.cols(); c++) {
          vv += r.vt(i, c) * r.vt(j, c);
        }
        assertEquals(i == j ? 1 : 0, uu, 1e-9, "UᵀU at " + i + "," + j);
        assertEquals(i == j ? 1 : 0, vv, 1e-9, "VᵀV at " + i + "," + j);
      }
    }
    // A·v_j = s_j·u_j holds for converged triplets.
    for (int j = 0; j < 3; j++) {
      for (int row = 0; row < a.rows(); row++) {
        double av = 0;
        for (int i = a.rowStart(row); i < a.rowEnd(row); i++) {
          av += a.value(i) * r.vt(j, a.colIndex(i));
        }
        assertEquals(r.singularValue(j) * r.u(row, j), av, 1e-3 * r.singularValue(0));
      }
    }
    // Sign convention (svd_flip, u-based): the largest |U[:, j]| is positive.
    for (int j = 0; j < k; j++) {
      double best = 0;
      for (int row = 0; row < a.rows(); row++) {
        if (Math.abs(r.u(row, j)) > Math.abs(best)) {
          best = r.u(row, j);
        }
      }
      assertTrue(best > 0, "column " + j);
    }
  }

  @Test
  void givenFullRank_whenFit_thenEverySingularValueIsExactAndReconstructionIsExact() {
    SparseMatrix a = randomSparse(30, 20, 0.3, 5);
    double[] exact = exactSingularValues(a);

    RandomizedSvdResult r = RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(20));

    for (int i = 0; i < 20; i++) {
      assertEquals(exact[i], r.singularValue(i), 1e-9 * exact[0], "singular value " + i);
    }
    for (int row = 0; row < a.rows(); row++) {
      for (int c = 0; c < a.cols(); c++) {
        double x = 0;
        for (int j = 0; j < 20; j++) {
          x += r.u(row, j) * r.singularValue(j) * r.vt(j, c);
        }
        assertEquals(a.get(row, c), x, 1e-9, "A[" + row + "," + c + "]");
      }
    }
  }

  @Test
  void givenWideMatrixAtFullRank_whenFit_thenTransposedPathIsExactToo() {
    SparseMatrix a = randomSparse(20, 30, 0.3, 6); // rows < cols: Aᵀ is factored
    double[] exact = exactSingularValues(a);

    RandomizedSvdResult r = RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(20));

    assertEquals(20, r.rows());
    assertEquals(30, r.cols());
    for (int i = 0; i < 20; i++) {
      assertEquals(exact[i], r.singularValue(i), 1e-9 * exact[0], "singular value " + i);
    }
    for (int row = 0; row < a.rows(); row++) {
      for (int c = 0; c < a.cols(); c++) {
        double x = 0;
        for (int j = 0; j < 20; j++) {
          x += r.u(row, j) * r.singularValue(j) * r.vt(j, c);
        }
        assertEquals(a.get(row, c), x, 1e-9, "A[" + row + "," + c + "]");
      }
    }
  }

  @Test
  void givenSameSeed_whenFitTwice_thenIdentical_andOtherSeedStillAccurate() {
    SparseMatrix a = zipfSparse(300, 200, 0.05, 0.7, 7);
    RandomizedSvdOptions o = RandomizedSvdOptions.builder().rank(6).seed(123).build();

    RandomizedSvdResult first = RandomizedSvd.fit(a, o);
    RandomizedSvdResult second = RandomizedSvd.fit(a, o);
    RandomizedSvdResult other =
        RandomizedSvd.fit(a, RandomizedSvdOptions.builder().rank(6).seed(124).build());

    assertEquals(first, second);
    assertFalse(Arrays.equals(first.u(), other.u()), "a different seed draws a different test matrix");
    assertRelativelyClose(exactSingularValues(a), other.singularValues(), 1e-3);
  }

  @Test
  void givenOneOrThreeThreads_whenFit_thenBitIdentical() {
    SparseMatrix a = randomSparse(300, 200, 0.05, 9);
    RandomizedSvdOptions one = RandomizedSvdOptions.builder().rank(7).seed(1).build();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      RandomizedSvdOptions three =
          RandomizedSvdOptions.builder().rank(7).seed(1).parallelism(3).executor(pool).build();
      RandomizedSvdOptions threeOwnPool =
          RandomizedSvdOptions.builder().rank(7).seed(1).parallelism(3).build();

      RandomizedSvdResult r1 = RandomizedSvd.fit(a, one);
      RandomizedSvdResult r3 = RandomizedSvd.fit(a, three);
      RandomizedSvdResult r3own = RandomizedSvd.fit(a, threeOwnPool);

      assertArrayEquals(r1.u(), r3.u());
      assertArrayEquals(r1.singularValues(), r3.singularValues());
      assertArrayEquals(r1.vt(), r3.vt());
      assertArrayEquals(r1.vt(), r3own.vt());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenGaussianBlocks_whenDrawnWithOneOrThreeThreads_thenIdenticalAndStandardNormal() {
    SparseMatrix a = randomSparse(10, 10, 0.5, 1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      int rows = 3 * SvdProducts.GAUSSIAN_BLOCK_ROWS + 17;
      double[] g1 = new SvdProducts(a, a, 3, org.papermap.internal.Parallel.Workers.ONE).gaussian(rows, 99);
      double[] g3 = new SvdProducts(a, a, 3, new org.papermap.internal.Parallel.Workers(3, pool)).gaussian(rows, 99);

      assertArrayEquals(g1, g3);
      double mean = 0;
      double sq = 0;
      for (double x : g1) {
        mean += x;
        sq += x * x;
      }
      mean /= g1.length;
      double var = sq / g1.length - mean * mean;
      assertEquals(0, mean, 0.02);
      assertEquals(1, var, 0.03);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenTransposeAndScatter_whenMultiplying_thenSameProduct() {
    SparseMatrix a = randomSparse(50, 40, 0.2, 2);
    int l = 5;
    double[] x = new double[a.rows() * l];
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() - 0.5;
    }
    double[] viaTranspose = new double[a.cols() * l];
    SvdProducts.multiplyRows(a.transpose(), x, l, viaTranspose, 0, a.cols());
    double[] viaScatter = new double[a.cols() * l];
    SvdProducts.scatterTransposeTimes(a, x, l, viaScatter);

    // The gather adds four terms at a time, the scatter one: equal up to rounding.
    assertArrayEquals(viaTranspose, viaScatter, 1e-12);
    double expected = 0;
    for (int r = 0; r < a.rows(); r++) {
      expected += a.get(r, 3) * x[r * l + 2];
    }
    assertEquals(expected, viaScatter[3 * l + 2], 1e-12);
  }

  @Test
  void givenTallBlock_whenLuPermuteL_thenPTimesLTimesUIsTheBlock() {
    int rows = 9;
    int l = 4;
    double[] y = new double[rows * l];
    SplittableRandom rng = new SplittableRandom(8);
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.nextDouble() - 0.5;
    }
    double[] original = y.clone();

    double[] pl = RandomizedSvd.permutedLowerOfLu(y, rows, l);

    // y now holds U in its top l×l upper triangle; P·L·U must give back the block, and |L| <= 1.
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < l; c++) {
        double sum = 0;
        for (int t = 0; t <= c; t++) {
          sum += pl[r * l + t] * y[t * l + c];
        }
        assertEquals(original[r * l + c], sum, 1e-12, "(" + r + "," + c + ")");
        assertTrue(Math.abs(pl[r * l + c]) <= 1 + 1e-12);
      }
    }
  }

  @Test
  void givenEmptyRows_whenFit_thenTheirLeftVectorsAreZero() {
    SparseMatrix base = zipfSparse(40, 30, 0.2, 0.7, 12);
    SparseVector[] rows = new SparseVector[42];
    for (int r = 0; r < 40; r++) {
      rows[r] = base.row(r);
    }
    rows[40] = SparseVector.empty();
    rows[41] = SparseVector.empty();
    SparseMatrix a = SparseMatrix.ofRows(30, rows);

    RandomizedSvdResult r = RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(4));

    for (int j = 0; j < 4; j++) {
      assertEquals(0, Math.abs(r.u(40, j)));
      assertEquals(0, Math.abs(r.u(41, j)));
    }
    assertRelativelyClose(exactSingularValues(base), r.singularValues(), 1e-3);
  }

  @Test
  void givenZeroMatrix_whenFit_thenSingularValuesAreZeroAndFactorsFinite() {
    SparseMatrix zero = SparseMatrix.of(6, 5, new int[7], new int[0], new float[0]);

    RandomizedSvdResult r = RandomizedSvd.fit(zero, RandomizedSvdOptions.ofRank(3));

    assertArrayEquals(new double[3], r.singularValues());
    for (double x : r.u()) {
      assertTrue(Double.isFinite(x));
    }
    for (double x : r.vt()) {
      assertTrue(Double.isFinite(x));
    }
  }

  @Test
  void givenAutoIterations_whenRankIsAboveTenPercent_thenSeven() {
    RandomizedSvdOptions o = RandomizedSvdOptions.ofRank(6);
    assertEquals(5, o.resolvePowerIterations(100, 60));
    assertEquals(7, o.resolvePowerIterations(100, 50));
    assertEquals(2, RandomizedSvdOptions.builder().rank(6).powerIterations(2).build().resolvePowerIterations(100, 50));
  }

  @Test
  void givenRankAboveMinDimension_whenFit_thenMessageNamesTheRule() {
    SparseMatrix a = randomSparse(57, 90, 0.1, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RandomizedSvd.fit(a, RandomizedSvdOptions.ofRank(80)));
    assertEquals("rank must be in [1, min(rows, cols)=57], got 80", e.getMessage());
  }

  @Test
  void givenDenseBlockBeyondOneArray_whenFit_thenMessageNamesTheLimit() {
    SparseMatrix wide = SparseMatrix.of(2, 1_100_000_000, new int[3], new int[0], new float[0]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RandomizedSvd.fit(wide, RandomizedSvdOptions.ofRank(2)));
    assertEquals(
        "max(rows, cols) * min(rank + oversampling, min(rows, cols)) must be <= 2147483639, got 1100000000 * 2",
        e.getMessage());
  }

  @Test
  void givenBadOptions_whenBuilt_thenMessagesNameTheParameter() {
    assertEquals("rank must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> RandomizedSvdOptions.ofRank(0)).getMessage());
    assertEquals("oversampling must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class,
            () -> RandomizedSvdOptions.builder().oversampling(-1).build()).getMessage());
    assertEquals("powerIterations must be >= 0 or AUTO_POWER_ITERATIONS (-1), got -2",
        assertThrows(IllegalArgumentException.class,
            () -> RandomizedSvdOptions.builder().powerIterations(-2).build()).getMessage());
    assertEquals("parallelism must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> RandomizedSvdOptions.builder().parallelism(0).build()).getMessage());
    assertEquals("powerIterationNormalizer",
        assertThrows(NullPointerException.class,
            () -> RandomizedSvdOptions.builder().powerIterationNormalizer(null).build()).getMessage());
    assertEquals("a",
        assertThrows(NullPointerException.class,
            () -> RandomizedSvd.fit(null, RandomizedSvdOptions.ofRank(1))).getMessage());
  }

  @Test
  void givenResult_whenMutatingReturnedArrays_thenResultUnchanged() {
    RandomizedSvdResult r = RandomizedSvd.fit(randomSparse(20, 10, 0.3, 1), RandomizedSvdOptions.ofRank(2));
    double s0 = r.singularValue(0);
    r.singularValues()[0] = -1;
    r.u()[0] = 42;
    assertEquals(s0, r.singularValue(0));
    assertNotEquals(42, r.u(0, 0));
  }
}
