package org.papermap.internal.simd;

import java.util.Locale;

/**
 * Squared Euclidean distance kernels for k-means and other all-against-few distance loops, one vector
 * against one or many, with a guarantee Lucene's {@code VectorUtil} does not give: a result depends only
 * on its inputs, never on the JIT tier or the caller. The batch form {@link #squareDistances} returns for
 * every row exactly the bits {@link #squareDistance} returns, and {@code squareDistance(a, b) ==
 * squareDistance(b, a)}.
 *
 * <p>Provider pattern, as Lucene's {@code VectorizationProvider}: {@link #get()} returns the Panama
 * implementation ({@code jdk.incubator.vector}, {@code SPECIES_PREFERRED}) when the module is present
 * (run with {@code --add-modules jdk.incubator.vector}) and not disabled with {@code
 * -Dpapermap.simd=scalar}; otherwise plain scalar loops. Results may differ between the two in the last
 * bits, and between CPUs with different vector widths, but not within one JVM.
 *
 * <p>Thread-safety: stateless; safe.
 */
public abstract class DistanceKernels {
  /** System property; {@code scalar} forces the scalar kernels. */
  public static final String PROPERTY = "papermap.simd";

  DistanceKernels() {}

  /** The kernels this JVM uses (chosen once). */
  public static DistanceKernels get() {
    return Holder.INSTANCE;
  }

  /** The scalar kernels (for tests and as the fallback). */
  public static DistanceKernels scalar() {
    return ScalarDistanceKernels.INSTANCE;
  }

  /** A short name: {@code scalar} or {@code panama-<lanes>}. */
  public abstract String name();

  /**
   * {@code Σ (a[j] − b[j])²} in float.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public abstract float squareDistance(float[] a, float[] b);

  /**
   * {@code out[r] = squareDistance(x, rows[r])} for {@code r} in {@code [from, to)}, bit for bit, computed
   * several rows at a time.
   */
  public abstract void squareDistances(float[] x, float[][] rows, int from, int to, double[] out);

  /**
   * {@code out[ids[t]] = squareDistance(x, rows[ids[t]])} for {@code t} in {@code [0, count)}, bit for bit,
   * computed several rows at a time (the rows that survive a pruning test, say).
   */
  public abstract void squareDistancesAt(float[] x, float[][] rows, int[] ids, int count, double[] out);

  /**
   * The batch width of {@link #sparseDots}: a table's {@code stride} must be a multiple of it (pad the
   * columns with zeros).
   */
  public abstract int lanes();

  /**
   * Dot products of one sparse row with every column of a dense table: {@code out[c] = Σ vals[p] ·
   * table[cols[p] · stride + c]} over {@code p} in {@code [from, to)} in that order, for {@code c} in
   * {@code [0, stride)}, in float. {@code stride} must be a multiple of {@link #lanes()}.
   */
  public abstract void sparseDots(int[] cols, float[] vals, int from, int to, float[] table, int stride, float[] out);

  /**
   * {@link #sparseDots} of {@code count} dense rows at once: {@code out[i][c] = Σ_j queries[from + i][j] ·
   * table[j · stride + c]} over {@code j} in {@code [0, dims)} in that order, for {@code i < count} and {@code c}
   * in {@code [0, stride)}; each sum equal bit for bit to {@code sparseDots} over the columns {@code 0..dims-1}.
   * Scoring several rows per pass over the table reads it once for all of them.
   */
  public abstract void denseDots(float[][] queries, int from, int count, int dims, float[] table, int stride, float[][] out);

  /**
   * One of the {@link #sparseDots} sums, bit for bit, read from a row-major copy of the table's column
   * {@code c} ({@code row[j] == table[j · stride + c]}): {@code Σ vals[p] · row[cols[p]]}.
   */
  public abstract float sparseDot(int[] cols, float[] vals, int from, int to, float[] row);

  static void checkLengths(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector dimensions differ: " + a.length + "!=" + b.length);
    }
  }

  private static final class Holder {
    static final DistanceKernels INSTANCE = choose();

    private static DistanceKernels choose() {
      String forced = System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT);
      if (forced.equals("scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return ScalarDistanceKernels.INSTANCE;
      }
      try {
        return (DistanceKernels)
            Class.forName("org.papermap.internal.simd.PanamaDistanceKernels")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        System.getLogger(DistanceKernels.class.getName())
            .log(System.Logger.Level.DEBUG, "Panama distance kernels unavailable, using scalar ones", e);
        return ScalarDistanceKernels.INSTANCE;
      }
    }
  }
}
