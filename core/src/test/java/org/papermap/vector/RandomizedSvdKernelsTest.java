package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.papermap.internal.Parallel;

class RandomizedSvdKernelsTest {
  private static Parallel.Workers work(int threads, ExecutorService pool) {
    return new Parallel.Workers(threads, pool);
  }

  /** A {@code rows × l} block whose column {@code j} is scaled by {@code scale^j}. */
  private static double[] block(int rows, int l, double scale, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] y = new double[rows * l];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < l; j++) {
        y[i * l + j] = (rng.nextDouble() - 0.5) * Math.pow(scale, j);
      }
    }
    return y;
  }

  private static void assertQrOfBlock(double[] y, RandomizedSvdKernels.ThinQr qr, int rows, int l, double tol) {
    for (int a = 0; a < l; a++) {
      for (int b = 0; b < l; b++) {
        double dot = 0;
        for (int i = 0; i < rows; i++) {
          dot += qr.q()[i * l + a] * qr.q()[i * l + b];
        }
        assertEquals(a == b ? 1 : 0, dot, tol, "QᵀQ at " + a + "," + b);
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < l; c++) {
        double x = 0;
        for (int t = 0; t <= c; t++) {
          x += qr.q()[i * l + t] * qr.r()[t * l + c];
        }
        assertEquals(y[i * l + c], x, 1e-12, "QR at " + i + "," + c);
      }
    }
  }

  @Test
  void givenWellConditionedBlock_whenThinQr_thenCholeskyPathGivesOrthonormalFactor() {
    double[] y = block(500, 12, 0.9, 1);
    double[] copy = y.clone();

    RandomizedSvdKernels.ThinQr qr = RandomizedSvdKernels.thinQr(y, 500, 12, true, work(1, null));

    assertFalse(qr.householder());
    assertArrayEquals(copy, y, "input untouched");
    assertQrOfBlock(y, qr, 500, 12, 1e-12);
  }

  @Test
  void givenIllConditionedBlock_whenExactThinQr_thenSecondPassRestoresOrthogonality() {
    // cond ≈ 0.3^-11 ≈ 5.6e5: one Cholesky pass would lose ~1e-5 of orthogonality.
    double[] y = block(400, 12, 0.3, 2);

    RandomizedSvdKernels.ThinQr qr = RandomizedSvdKernels.thinQr(y, 400, 12, true, work(1, null));

    assertFalse(qr.householder());
    assertQrOfBlock(y, qr, 400, 12, 1e-12);
  }

  @Test
  void givenRankDeficientBlock_whenThinQr_thenHouseholderFallbackStillOrthonormal() {
    double[] y = block(50, 6, 1, 3);
    for (int i = 0; i < 50; i++) {
      y[i * 6 + 4] = 2 * y[i * 6 + 1]; // column 4 is a multiple of column 1
      y[i * 6 + 5] = 0;
    }

    RandomizedSvdKernels.ThinQr qr = RandomizedSvdKernels.thinQr(y, 50, 6, false, work(1, null));

    assertTrue(qr.householder());
    assertQrOfBlock(y, qr, 50, 6, 1e-12);
  }

  @Test
  void givenManyBlocks_whenGramAndSolveWithOneOrThreeThreads_thenBitIdentical() {
    int rows = 2 * RandomizedSvdKernels.BLOCK_ROWS + 7;
    double[] y = block(rows, 5, 0.8, 4);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      double[] g1 = RandomizedSvdKernels.gram(y, rows, 5, work(1, null));
      double[] g3 = RandomizedSvdKernels.gram(y, rows, 5, work(3, pool));
      RandomizedSvdKernels.ThinQr q1 = RandomizedSvdKernels.thinQr(y, rows, 5, true, work(1, null));
      RandomizedSvdKernels.ThinQr q3 = RandomizedSvdKernels.thinQr(y, rows, 5, true, work(3, pool));

      assertArrayEquals(g1, g3);
      assertArrayEquals(q1.q(), q3.q());
      double g01 = 0;
      for (int i = 0; i < rows; i++) {
        g01 += y[i * 5] * y[i * 5 + 1];
      }
      assertEquals(g01, g1[1], 1e-9);
      assertEquals(g1[1], g1[5], "symmetric");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenBlock_whenThinSvd_thenFactorsReconstructIt() {
    int rows = 80;
    int l = 7;
    double[] y = block(rows, l, 0.7, 5);

    RandomizedSvdKernels.ThinSvd svd = RandomizedSvdKernels.thinSvd(y, rows, l, l, work(1, null));

    for (int j = 1; j < l; j++) {
      assertTrue(svd.s()[j] <= svd.s()[j - 1]);
    }
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < l; c++) {
        double x = 0;
        for (int j = 0; j < l; j++) {
          x += svd.u()[i * l + j] * svd.s()[j] * svd.v()[c * l + j];
        }
        assertEquals(y[i * l + c], x, 1e-12);
      }
    }
  }
}
