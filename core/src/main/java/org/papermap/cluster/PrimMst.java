package org.papermap.cluster;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Exact minimum spanning tree of the mutual-reachability graph by Prim's algorithm in {@code O(n)}
 * memory: no distance matrix, each step scans the points not yet in the tree against the point just
 * added, with Lucene's {@code VectorUtil} kernel. Mutual reachability is {@code max(core(a), core(b),
 * d(a, b) / alpha)}; the distance is skipped whenever {@code max(core(a), core(b))} already cannot
 * improve a point's best edge.
 *
 * <p>As the reference hdbscan library's {@code mst_linkage_core}: the tree grows from point 0 and the
 * next point is the one with the smallest best edge, the lowest ord among equal ones. The scan is
 * split into contiguous parts run by a {@link StepCrew}; each part reports its own (weight, ord)
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
    int n = space.size();
    int[] from = new int[Math.max(0, n - 1)];
    int[] to = new int[from.length];
    double[] weight = new double[from.length];
    if (n < 2) {
      return new SpanningTree(from, to, weight);
    }
    double[] best = new double[n];
    int[] bestFrom = new int[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    int[] remaining = new int[n - 1];
    for (int i = 0; i < remaining.length; i++) {
      remaining[i] = i + 1;
    }
    Scan scan = new Scan(space, core, alpha, best, bestFrom, remaining, parallelism);
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
        remaining[pos] = remaining[r - 1];
        current = next;
      }
    }
    return new SpanningTree(from, to, weight);
  }

  /** One step's scan: parts update best edges and report their minimum. */
  private static final class Scan {
    private final MetricSpace space;
    private final double[] core;
    private final double alpha;
    private final double[] best;
    private final int[] bestFrom;
    private final int[] remaining;
    private final double[] partMin;
    private final int[] partPos;
    private int current;
    private int count;
    private int parts;

    Scan(MetricSpace space, double[] core, double alpha, double[] best, int[] bestFrom, int[] remaining, int maxParts) {
      this.space = space;
      this.core = core;
      this.alpha = alpha;
      this.best = best;
      this.bestFrom = bestFrom;
      this.remaining = remaining;
      this.partMin = new double[maxParts];
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
      int minPos = -1;
      int minOrd = Integer.MAX_VALUE;
      for (int pos = lo; pos < hi; pos++) {
        int j = remaining[pos];
        double b = best[j];
        double lower = Math.max(coreC, core[j]);
        if (lower < b) {
          double d = Math.sqrt(space.squaredDistance(c, j));
          double w = Math.max(lower, alpha == 1.0 ? d : d / alpha);
          if (w < b) {
            best[j] = w;
            bestFrom[j] = c;
            b = w;
          }
        }
        if (b < min || (b == min && j < minOrd)) {
          min = b;
          minPos = pos;
          minOrd = j;
        }
      }
      partMin[p] = min;
      partPos[p] = minPos;
    }

    /** The position in {@code remaining} of the smallest best edge, lowest ord among equals. */
    int reduce() {
      int pos = -1;
      double min = Double.POSITIVE_INFINITY;
      int ord = Integer.MAX_VALUE;
      for (int p = 0; p < parts; p++) {
        int q = partPos[p];
        if (q < 0) {
          continue;
        }
        int j = remaining[q];
        if (partMin[p] < min || (partMin[p] == min && j < ord)) {
          min = partMin[p];
          pos = q;
          ord = j;
        }
      }
      if (pos < 0) {
        // Every best edge is infinite: only possible with infinite core distances; take the lowest ord.
        for (int q = 0; q < count; q++) {
          if (remaining[q] < ord) {
            ord = remaining[q];
            pos = q;
          }
        }
      }
      return pos;
    }
  }
}
