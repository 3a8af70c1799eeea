package org.papermap.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Panama distance kernels ({@code SPECIES_PREFERRED}, FMA). Each pair is summed in two lane accumulators
 * over alternate blocks ({@code loopBound}), added lane-wise, reduced by a fixed tree of lane-wise adds,
 * then the scalar tail is added in order. Lucene's kernels reduce with {@code reduceLanes(ADD)}, whose
 * order the API leaves open: C2 and the interpreter give different bits. Here every step is a lane-wise
 * IEEE operation in a fixed order, so a result does not depend on the JIT tier. The batch kernel runs four
 * pairs at once with exactly the single kernel's operations per pair (one load of {@code x} for four
 * rows: about 1.5× fewer cycles per pair at d = 100).
 *
 * <p>Thread-safety: stateless; safe.
 */
final class PanamaDistanceKernels extends DistanceKernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** {@code REDUCE[s]} moves lane {@code i + (LANES >> (s + 1))} onto lane {@code i}. */
  private static final VectorShuffle<Float>[] REDUCE = reduceShuffles();

  PanamaDistanceKernels() {}

  @SuppressWarnings("unchecked")
  private static VectorShuffle<Float>[] reduceShuffles() {
    int steps = Integer.numberOfTrailingZeros(LANES);
    VectorShuffle<Float>[] s = new VectorShuffle[steps];
    for (int step = 0, half = LANES / 2; step < steps; step++, half /= 2) {
      int h = half;
      s[step] = VectorShuffle.fromOp(SPECIES, i -> (i + h) % LANES);
    }
    return s;
  }

  @Override
  public String name() {
    return "panama-" + LANES;
  }

  /** Sum of the lanes by a fixed tree of lane-wise adds. */
  private static float reduce(FloatVector v) {
    for (VectorShuffle<Float> shuffle : REDUCE) {
      v = v.add(v.rearrange(shuffle));
    }
    return v.lane(0);
  }

  @Override
  public float squareDistance(float[] a, float[] b) {
    checkLengths(a, b);
    int d = a.length;
    int bound = SPECIES.loopBound(d);
    float s = 0;
    int j = 0;
    if (bound > 0) {
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      for (; j + LANES < bound; j += 2 * LANES) {
        FloatVector t0 = FloatVector.fromArray(SPECIES, a, j).sub(FloatVector.fromArray(SPECIES, b, j));
        acc0 = t0.fma(t0, acc0);
        FloatVector t1 = FloatVector.fromArray(SPECIES, a, j + LANES).sub(FloatVector.fromArray(SPECIES, b, j + LANES));
        acc1 = t1.fma(t1, acc1);
      }
      if (j < bound) {
        FloatVector t0 = FloatVector.fromArray(SPECIES, a, j).sub(FloatVector.fromArray(SPECIES, b, j));
        acc0 = t0.fma(t0, acc0);
        j += LANES;
      }
      s = reduce(acc0.add(acc1));
    }
    for (; j < d; j++) {
      float t = a[j] - b[j];
      s = Math.fma(t, t, s);
    }
    return s;
  }

  @Override
  public void squareDistances(float[] x, float[][] rows, int from, int to, double[] out) {
    int r = from;
    for (; r + 3 < to; r += 4) {
      squareDistances4(x, rows[r], rows[r + 1], rows[r + 2], rows[r + 3], out, r, r + 1, r + 2, r + 3);
    }
    for (; r < to; r++) {
      out[r] = squareDistance(x, rows[r]);
    }
  }

  @Override
  public void squareDistancesAt(float[] x, float[][] rows, int[] ids, int count, double[] out) {
    int t = 0;
    for (; t + 3 < count; t += 4) {
      int i0 = ids[t];
      int i1 = ids[t + 1];
      int i2 = ids[t + 2];
      int i3 = ids[t + 3];
      squareDistances4(x, rows[i0], rows[i1], rows[i2], rows[i3], out, i0, i1, i2, i3);
    }
    for (; t < count; t++) {
      out[ids[t]] = squareDistance(x, rows[ids[t]]);
    }
  }

  /** Four pairs with the operations of {@link #squareDistance}, pair by pair, into {@code out[o0..o3]}. */
  private static void squareDistances4(
      float[] x, float[] b0, float[] b1, float[] b2, float[] b3, double[] out, int o0, int o1, int o2, int o3) {
    checkLengths(x, b0);
    checkLengths(x, b1);
    checkLengths(x, b2);
    checkLengths(x, b3);
    int d = x.length;
    int bound = SPECIES.loopBound(d);
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    if (bound > 0) {
      FloatVector a00 = FloatVector.zero(SPECIES);
      FloatVector a01 = a00;
      FloatVector a10 = a00;
      FloatVector a11 = a00;
      FloatVector a20 = a00;
      FloatVector a21 = a00;
      FloatVector a30 = a00;
      FloatVector a31 = a00;
      for (; j + LANES < bound; j += 2 * LANES) {
        FloatVector v = FloatVector.fromArray(SPECIES, x, j);
        FloatVector w = FloatVector.fromArray(SPECIES, x, j + LANES);
        FloatVector t = v.sub(FloatVector.fromArray(SPECIES, b0, j));
        a00 = t.fma(t, a00);
        t = w.sub(FloatVector.fromArray(SPECIES, b0, j + LANES));
        a01 = t.fma(t, a01);
        t = v.sub(FloatVector.fromArray(SPECIES, b1, j));
        a10 = t.fma(t, a10);
        t = w.sub(FloatVector.fromArray(SPECIES, b1, j + LANES));
        a11 = t.fma(t, a11);
        t = v.sub(FloatVector.fromArray(SPECIES, b2, j));
        a20 = t.fma(t, a20);
        t = w.sub(FloatVector.fromArray(SPECIES, b2, j + LANES));
        a21 = t.fma(t, a21);
        t = v.sub(FloatVector.fromArray(SPECIES, b3, j));
        a30 = t.fma(t, a30);
        t = w.sub(FloatVector.fromArray(SPECIES, b3, j + LANES));
        a31 = t.fma(t, a31);
      }
      if (j < bound) {
        FloatVector v = FloatVector.fromArray(SPECIES, x, j);
        FloatVector t = v.sub(FloatVector.fromArray(SPECIES, b0, j));
        a00 = t.fma(t, a00);
        t = v.sub(FloatVector.fromArray(SPECIES, b1, j));
        a10 = t.fma(t, a10);
        t = v.sub(FloatVector.fromArray(SPECIES, b2, j));
        a20 = t.fma(t, a20);
        t = v.sub(FloatVector.fromArray(SPECIES, b3, j));
        a30 = t.fma(t, a30);
        j += LANES;
      }
      s0 = reduce(a00.add(a01));
      s1 = reduce(a10.add(a11));
      s2 = reduce(a20.add(a21));
      s3 = reduce(a30.add(a31));
    }
    for (; j < d; j++) {
      float v = x[j];
      float t = v - b0[j];
      s0 = Math.fma(t, t, s0);
      t = v - b1[j];
      s1 = Math.fma(t, t, s1);
      t = v - b2[j];
      s2 = Math.fma(t, t, s2);
      t = v - b3[j];
      s3 = Math.fma(t, t, s3);
    }
    out[o0] = s0;
    out[o1] = s1;
    out[o2] = s2;
    out[o3] = s3;
  }

  @Override
  public int lanes() {
    return LANES;
  }

  @Override
  public void sparseDots(int[] cols, float[] vals, int from, int to, float[] table, int stride, float[] out) {
    int c = 0;
    // four accumulators in registers: one pass over the row per 4·LANES columns of the table
    for (; c + 4 * LANES <= stride; c += 4 * LANES) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int p = from; p < to; p++) {
        FloatVector v = FloatVector.broadcast(SPECIES, vals[p]);
        int base = cols[p] * stride + c;
        a0 = v.fma(FloatVector.fromArray(SPECIES, table, base), a0);
        a1 = v.fma(FloatVector.fromArray(SPECIES, table, base + LANES), a1);
        a2 = v.fma(FloatVector.fromArray(SPECIES, table, base + 2 * LANES), a2);
        a3 = v.fma(FloatVector.fromArray(SPECIES, table, base + 3 * LANES), a3);
      }
      a0.intoArray(out, c);
      a1.intoArray(out, c + LANES);
      a2.intoArray(out, c + 2 * LANES);
      a3.intoArray(out, c + 3 * LANES);
    }
    for (; c < stride; c += LANES) {
      FloatVector a = FloatVector.zero(SPECIES);
      for (int p = from; p < to; p++) {
        a = FloatVector.broadcast(SPECIES, vals[p]).fma(FloatVector.fromArray(SPECIES, table, cols[p] * stride + c), a);
      }
      a.intoArray(out, c);
    }
  }

  @Override
  public void denseDots(float[][] queries, int from, int count, int dims, float[] table, int stride, float[][] out) {
    int i = 0;
    // four rows x two lane blocks per pass: each table load feeds four fused multiply-adds
    for (; i + 4 <= count; i += 4) {
      float[] q0 = queries[from + i];
      float[] q1 = queries[from + i + 1];
      float[] q2 = queries[from + i + 2];
      float[] q3 = queries[from + i + 3];
      int c = 0;
      for (; c + 2 * LANES <= stride; c += 2 * LANES) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        for (int j = 0; j < dims; j++) {
          int base = j * stride + c;
          FloatVector t = FloatVector.fromArray(SPECIES, table, base);
          FloatVector u = FloatVector.fromArray(SPECIES, table, base + LANES);
          FloatVector v0 = FloatVector.broadcast(SPECIES, q0[j]);
          FloatVector v1 = FloatVector.broadcast(SPECIES, q1[j]);
          FloatVector v2 = FloatVector.broadcast(SPECIES, q2[j]);
          FloatVector v3 = FloatVector.broadcast(SPECIES, q3[j]);
          a0 = v0.fma(t, a0);
          a1 = v1.fma(t, a1);
          a2 = v2.fma(t, a2);
          a3 = v3.fma(t, a3);
          b0 = v0.fma(u, b0);
          b1 = v1.fma(u, b1);
          b2 = v2.fma(u, b2);
          b3 = v3.fma(u, b3);
        }
        a0.intoArray(out[i], c);
        a1.intoArray(out[i + 1], c);
        a2.intoArray(out[i + 2], c);
        a3.intoArray(out[i + 3], c);
        b0.intoArray(out[i], c + LANES);
        b1.intoArray(out[i + 1], c + LANES);
        b2.intoArray(out[i + 2], c + LANES);
        b3.intoArray(out[i + 3], c + LANES);
      }
      for (; c < stride; c += LANES) {
        for (int r = 0; r < 4; r++) {
          denseLane(queries[from + i + r], dims, table, stride, c, out[i + r]);
        }
      }
    }
    for (; i < count; i++) {
      for (int c = 0; c < stride; c += LANES) {
        denseLane(queries[from + i], dims, table, stride, c, out[i]);
      }
    }
  }

  /** One lane block of one dense row: {@code out[c..c+LANES)}. */
  private static void denseLane(float[] q, int dims, float[] table, int stride, int c, float[] out) {
    FloatVector a = FloatVector.zero(SPECIES);
    for (int j = 0; j < dims; j++) {
      a = FloatVector.broadcast(SPECIES, q[j]).fma(FloatVector.fromArray(SPECIES, table, j * stride + c), a);
    }
    a.intoArray(out, c);
  }

  @Override
  public float sparseDot(int[] cols, float[] vals, int from, int to, float[] row) {
    float s = 0;
    for (int p = from; p < to; p++) {
      s = Math.fma(vals[p], row[cols[p]], s); // the lane-wise fma of sparseDots, one lane
    }
    return s;
  }
}
