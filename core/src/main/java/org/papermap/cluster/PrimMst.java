package org.papermap.cluster;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Exact minimum spanning tree of the mutual-reachability graph by Prim's algorithm in {@code O(n)}
 * memory: no distance matrix, each step scans the points not yet in the tree against the point just
 * added, with the fixed-order SIMD kernel ({@code DistanceKernels}). Mutual reachability is {@code max(core(a), core(b),
 * d(a, b) / alpha)}; the distance is skipped whenever {@code max(core(a), core(b))} already cannot
 * improve a point's best edge.
 *
 * <p>As the reference hdbscan library's {@code mst_linkage_core}, the tree grows from point 0 and the
 * next point is the one with the smallest best edge. Edges are compared by (weight, plain distance,
 * ord): the library breaks equal weights (common: many edges weigh a shared core distance) by point
 * order, which makes its result depend on the input order; the plain distance makes the tree unique
 * for data without exactly repeated distances, so the result does not depend on the order of the
 * points. The scan is split into contiguous parts run by a {@link StepCrew}; each part reports its own
 * minimum and the parts are reduced in a fixed order under that total order, so the tree is the same
 * for any thread count.
 *
 * <p>Thread-safety: stateless; each call owns its arrays.
 */
final class PrimMst {
  /** Below this many (remaining points × dimension) a step runs on the calling thread only. */
  private static final int PARALLEL_WORK = 1 << 17;

  private PrimMst() {}

  /**
   * @param core core distance of every point
   * @param alpha distance scaling of the reference library ({@code 1} = none)
   */
  static SpanningTree build(MetricSpace space, double[] core, double alpha, int parallelism, Executor executor) {
    return build(space, core, alpha, parallelism, executor, true);
  }

  /**
   * @param tiesByDistance false for the reference library's rule (equal weights by ord only), which the
   *     conformance tests use to show that a golden differing from ours is another resolution of ties
   */
  static SpanningTree build(
      MetricSpace space, double[] core, double alpha, int parallelism, Executor executor, boolean tiesByDistance) {
    int n = space.size();
    int[] from = new int[Math.max(0, n - 1)];
    int[] to = new int[from.length];
    double[] weight = new double[from.length];
    double[] plain = new double[from.length];
    if (n < 2) {
      return new SpanningTree(from, to, weight, plain);
    }
    double[] best = new double[n];
    double[] bestDistance = new double[n];
    int[] bestFrom = new int[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    int[] remaining = new int[n - 1];
    for (int i = 0; i < remaining.length; i++) {
      remaining[i] = i + 1;
    }
    Scan scan = new Scan(space, core, alpha, best, bestDistance, bestFrom, remaining, parallelism, tiesByDistance);
    try (StepCrew crew = new StepCrew(parallelism, parallelism > 1 ? executor : null)) {
      int current = 0;
      for (int r = n - 1, e = 0; r > 0; r--, e++) {
        int parts = (long) r * space.dimension() >= PARALLEL_WORK ? parallelism : 1;
        scan.prepare(current, r, parts);
        crew.run(parts, scan::part);
        int pos = scan.reduce();
        int next = remaining[pos];
        from[e] = bestFrom[next];
        to[e] = next;
        weight[e] = best[next];
        plain[e] = bestDistance[next];
        // Shift instead of swapping in the last point: ascending ords keep the scan's reads sequential.
        System.arraycopy(remaining, pos + 1, remaining, pos, r - 1 - pos);
        current = next;
      }
    }
    return new SpanningTree(from, to, weight, plain);
  }

  /** One step's scan: parts update best edges and report their minimum. */
  private static final class Scan {
    private final MetricSpace space;
    private final double[] core;
    private final double alpha;
    private final double[] best;
    private final double[] bestDistance;
    private final int[] bestFrom;
    private final int[] remaining;
    private final double[] partMin;
    private final double[] partMinDistance;
    private final int[] partPos;
    private final boolean tiesByDistance;
    private int current;
    private int count;
    private int parts;

    Scan(MetricSpace space, double[] core, double alpha, double[] best, double[] bestDistance, int[] bestFrom,
        int[] remaining, int maxParts, boolean tiesByDistance) {
      this.tiesByDistance = tiesByDistance;
      this.space = space;
      this.core = core;
      this.alpha = alpha;
      this.best = best;
      this.bestDistance = bestDistance;
      this.bestFrom = bestFrom;
      this.remaining = remaining;
      this.partMin = new double[maxParts];
      this.partMinDistance = new double[maxParts];
      this.partPos = new int[maxParts];
    }

    void prepare(int current, int count, int parts) {
      this.current = current;
      this.count = count;
      this.parts = parts;
    }

    void part(int p) {
      int lo = (int) ((long) count * p / parts);
      int hi = (int) ((long) count * (p + 1) / parts);
      int c = current;
      double coreC = core[c];
      double min = Double.POSITIVE_INFINITY;
      double minDistance = Double.POSITIVE_INFINITY;
      int minPos = -1;
      int minOrd = Integer.MAX_VALUE;
      for (int pos = lo; pos < hi; pos++) {
        int j = remaining[pos];
        double b = best[j];
        double lower = Math.max(coreC, core[j]);
        if (lower <= b) {
          double d = Math.sqrt(space.squaredDistance(c, j));
          double scaled = alpha == 1.0 ? d : d / alpha;
          double w = Math.max(lower, scaled);
          if (!tiesByDistance) {
            scaled = 0; // every tie is then decided by ord, as in the library
          }
          if (w < b || (w == b && scaled < bestDistance[j])) {
            best[j] = w;
            bestDistance[j] = scaled;
            bestFrom[j] = c;
            b = w;
          }
        }
        double bd = bestDistance[j];
        if (b < min || (b == min && (bd < minDistance || (bd == minDistance && j < minOrd)))) {
          min = b;
          minDistance = bd;
          minPos = pos;
          minOrd = j;
        }
      }
      partMin[p] = min;
      partMinDistance[p] = minDistance;
      partPos[p] = minPos;
    }

    /** The position in {@code remaining} of the smallest (weight, distance, ord). */
    int reduce() {
      int pos = -1;
      double min = Double.POSITIVE_INFINITY;
      double minDistance = Double.POSITIVE_INFINITY;
      int ord = Integer.MAX_VALUE;
      for (int p = 0; p < parts; p++) {
        int q = partPos[p];
        if (q < 0) {
          continue;
        }
        int j = remaining[q];
        double w = partMin[p];
        double d = partMinDistance[p];
        if (w < min || (w == min && (d < minDistance || (d == minDistance && j < ord)))) {
          min = w;
          minDistance = d;
          pos = q;
          ord = j;
        }
      }
      return pos;
    }
  }
}
