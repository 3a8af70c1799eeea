package org.papermap.internal.simd;

/**
 * Scalar distance kernels: one sequential float sum per pair (mul then add, no FMA, so they are fast on
 * every CPU). The fallback when {@code jdk.incubator.vector} is absent.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ScalarDistanceKernels extends DistanceKernels {
  static final ScalarDistanceKernels INSTANCE = new ScalarDistanceKernels();

  private ScalarDistanceKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float squareDistance(float[] a, float[] b) {
    checkLengths(a, b);
    float s = 0;
    for (int j = 0; j < a.length; j++) {
      float t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  @Override
  public void squareDistances(float[] x, float[][] rows, int from, int to, double[] out) {
    for (int r = from; r < to; r++) {
      out[r] = squareDistance(x, rows[r]);
    }
  }

  @Override
  public void squareDistancesAt(float[] x, float[][] rows, int[] ids, int count, double[] out) {
    for (int t = 0; t < count; t++) {
      out[ids[t]] = squareDistance(x, rows[ids[t]]);
    }
  }

  @Override
  public int lanes() {
    return 1;
  }

  @Override
  public void sparseDots(int[] cols, float[] vals, int from, int to, float[] table, int stride, float[] out) {
    java.util.Arrays.fill(out, 0, stride, 0f);
    for (int p = from; p < to; p++) {
      float v = vals[p];
      int base = cols[p] * stride;
      for (int c = 0; c < stride; c++) {
        out[c] += v * table[base + c];
      }
    }
  }

  @Override
  public void denseDots(float[][] queries, int from, int count, int dims, float[] table, int stride, float[][] out) {
    for (int i = 0; i < count; i++) {
      float[] q = queries[from + i];
      float[] o = out[i];
      java.util.Arrays.fill(o, 0, stride, 0f);
      for (int j = 0; j < dims; j++) {
        float v = q[j];
        int base = j * stride;
        for (int c = 0; c < stride; c++) {
          o[c] += v * table[base + c];
        }
      }
    }
  }

  @Override
  public float sparseDot(int[] cols, float[] vals, int from, int to, float[] row) {
    float s = 0;
    for (int p = from; p < to; p++) {
      s += vals[p] * row[cols[p]];
    }
    return s;
  }
}
