package org.papermap.internal.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Panama kernels against the scalar ones on odd lengths, and the bit-for-bit contracts of both. */
class DistanceKernelsTest {
  private static final int[] LENGTHS = {1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 128, 207, 256, 300, 702, 1021};

  private static float[] random(SplittableRandom r, int d) {
    float[] v = new float[d];
    for (int j = 0; j < d; j++) {
      v[j] = (float) (r.nextGaussian() * (1 + r.nextInt(3)));
    }
    return v;
  }

  @Test
  void givenThisJvm_whenRunWithTheVectorModule_thenPanamaKernelsAreChosen() {
    // surefire runs with --add-modules jdk.incubator.vector (papermap.jvm.args)
    assertTrue(DistanceKernels.get().name().startsWith("panama-"), DistanceKernels.get().name());
    assertEquals("scalar", DistanceKernels.scalar().name());
  }

  @Test
  void givenOddLengths_whenComparingPanamaAndScalar_thenEqualWithinFloatRounding() {
    SplittableRandom r = new SplittableRandom(1);
    DistanceKernels panama = new PanamaDistanceKernels();
    DistanceKernels scalar = DistanceKernels.scalar();
    for (int d : LENGTHS) {
      for (int t = 0; t < 20; t++) {
        float[] a = random(r, d);
        float[] b = random(r, d);
        double exact = 0;
        for (int j = 0; j < d; j++) {
          exact += ((double) a[j] - b[j]) * ((double) a[j] - b[j]);
        }
        double tolerance = (d + 2) * 0x1.0p-23 * exact + 1e-30;
        assertEquals(exact, panama.squareDistance(a, b), tolerance, "panama d=" + d);
        assertEquals(exact, scalar.squareDistance(a, b), tolerance, "scalar d=" + d);
      }
    }
  }

  @Test
  void givenEitherKernel_whenBatchedOrSwapped_thenTheSameBitsAsOneByOne() {
    SplittableRandom r = new SplittableRandom(2);
    for (DistanceKernels kernels : new DistanceKernels[] {new PanamaDistanceKernels(), DistanceKernels.scalar()}) {
      for (int d : LENGTHS) {
        float[] x = random(r, d);
        float[][] rows = new float[11][];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = random(r, d);
        }
        double[] out = new double[rows.length];
        kernels.squareDistances(x, rows, 1, 10, out);
        for (int i = 1; i < 10; i++) {
          float one = kernels.squareDistance(x, rows[i]);
          assertEquals(Float.floatToIntBits(one), Float.floatToIntBits((float) out[i]), kernels.name() + " d=" + d);
          assertEquals(Float.floatToIntBits(one), Float.floatToIntBits(kernels.squareDistance(rows[i], x)));
        }
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[10]);
        int[] ids = {9, 2, 5, 1, 7, 0};
        double[] at = new double[rows.length];
        kernels.squareDistancesAt(x, rows, ids, 5, at);
        for (int t = 0; t < 5; t++) {
          assertEquals(out[ids[t]], at[ids[t]], 0.0, kernels.name() + " gathered d=" + d);
        }
        assertEquals(0.0, at[0], "only the first count ids");
      }
    }
  }

  @Test
  void givenSparseRowsAndATable_whenDotsBatchedOrOneByOne_thenTheSameBitsAndCloseToExact() {
    SplittableRandom r = new SplittableRandom(3);
    for (DistanceKernels kernels : new DistanceKernels[] {new PanamaDistanceKernels(), DistanceKernels.scalar()}) {
      for (int k : new int[] {1, 5, 16, 17, 50, 64, 67}) {
        int stride = (k + kernels.lanes() - 1) / kernels.lanes() * kernels.lanes();
        int dims = 41;
        float[] table = new float[dims * stride];
        float[][] rows = new float[k][dims];
        for (int j = 0; j < dims; j++) {
          for (int c = 0; c < k; c++) {
            table[j * stride + c] = rows[c][j] = (float) r.nextGaussian();
          }
        }
        int[] cols = {0, 3, 4, 9, 17, 18, 30, 40, 2};
        float[] vals = new float[cols.length];
        for (int p = 0; p < vals.length; p++) {
          vals[p] = (float) r.nextGaussian();
        }
        float[] out = new float[stride];
        kernels.sparseDots(cols, vals, 1, 8, table, stride, out);
        for (int c = 0; c < k; c++) {
          double exact = 0;
          for (int p = 1; p < 8; p++) {
            exact += (double) vals[p] * rows[c][cols[p]];
          }
          assertEquals(exact, out[c], 1e-5, kernels.name() + " k=" + k + " c=" + c);
          assertEquals(Float.floatToIntBits(out[c]), Float.floatToIntBits(kernels.sparseDot(cols, vals, 1, 8, rows[c])),
              kernels.name() + " single k=" + k + " c=" + c);
        }
        for (int c = k; c < stride; c++) {
          assertEquals(0f, out[c], "padding column " + c);
        }
      }
    }
  }

  @Test
  void givenDenseRows_whenDottedFourAtATime_thenTheBitsOfSparseDotsOverEveryColumn() {
    SplittableRandom r = new SplittableRandom(5);
    for (DistanceKernels kernels : new DistanceKernels[] {new PanamaDistanceKernels(), DistanceKernels.scalar()}) {
      // strides with and without a lone lane block after the two-block passes
      for (int stride : new int[] {kernels.lanes(), 2 * kernels.lanes(), 5 * kernels.lanes()}) {
        int dims = 37;
        float[] table = new float[dims * stride];
        for (int i = 0; i < table.length; i++) {
          table[i] = (float) r.nextGaussian();
        }
        float[][] queries = new float[9][dims];
        for (float[] q : queries) {
          for (int j = 0; j < dims; j++) {
            q[j] = (float) r.nextGaussian();
          }
        }
        int[] identity = java.util.stream.IntStream.range(0, dims).toArray();
        for (int count = 1; count <= 7; count++) {
          float[][] out = new float[count][stride];
          kernels.denseDots(queries, 2, count, dims, table, stride, out);
          for (int i = 0; i < count; i++) {
            float[] one = new float[stride];
            kernels.sparseDots(identity, queries[2 + i], 0, dims, table, stride, one);
            for (int c = 0; c < stride; c++) {
              assertEquals(Float.floatToIntBits(one[c]), Float.floatToIntBits(out[i][c]),
                  kernels.name() + " stride " + stride + " count " + count + " row " + i + " column " + c);
            }
          }
        }
      }
    }
  }

  @Test
  void givenDifferentLengths_whenComputingADistance_thenLuceneStyleMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DistanceKernels.get().squareDistance(new float[3], new float[4]));
    assertEquals("vector dimensions differ: 3!=4", e.getMessage());
  }
}
