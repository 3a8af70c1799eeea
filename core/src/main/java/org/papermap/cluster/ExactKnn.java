package org.papermap.cluster;

import java.util.List;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;

/**
 * Exact k nearest neighbours by full scans over a {@link MetricSpace}. For all points, each pair is
 * scored once: pairs are cut into square tiles spread over the workers, each worker keeps its own
 * bounded heaps, and the heaps are merged at the end. The k best under the total order (distance,
 * ord) are unique, so results do not depend on the thread count.
 *
 * <p>Thread-safety: stateless.
 */
final class ExactKnn {
  private static final int TILE = 128;
  /** Points from which low-dimensional double points are searched through a k-d tree (same answers, faster). */
  static final int KD_TREE_FROM = 2048;

  private ExactKnn() {}

  /** Every point's k nearest other points. */
  static Neighbours allNeighbours(MetricSpace space, int k, int parallelism, Executor executor) {
    int n = space.size();
    if (k < 1 || k > n - 1) {
      throw new IllegalArgumentException("k must be in [1, size-1=" + (n - 1) + "], got " + k);
    }
    if (space instanceof MetricSpace.DoubleSpace ds && ds.dimension() <= KdTreeKnn.MAX_DIMENSION && n > KD_TREE_FROM) {
      return KdTreeKnn.allNeighbours(ds.rows(), space, k, parallelism, executor);
    }
    return scan(space, k, parallelism, executor);
  }

  /** {@link #allNeighbours} by scoring every pair. */
  static Neighbours scan(MetricSpace space, int k, int parallelism, Executor executor) {
    int n = space.size();
    int blocks = (n + TILE - 1) / TILE;
    int tiles = blocks * (blocks + 1) / 2;
    int workers = Math.max(1, Math.min(parallelism, tiles));
    List<Heaps> heaps = Parallel.perWorker(workers, w -> new Heaps(n, k));
    Parallel.forRange(tiles, 1, workers, executor, (w, from, to) -> {
      for (int t = from; t < to; t++) {
        scoreTile(space, t, blocks, heaps.get(w));
      }
    });
    int[] ords = new int[n * k];
    double[] dist = new double[n * k];
    Parallel.forRange(n, 256, workers, executor, (w, from, to) -> {
      Heaps merged = new Heaps(1, k);
      for (int i = from; i < to; i++) {
        merged.clear(0);
        for (Heaps h : heaps) {
          h.drainInto(i, merged, 0);
        }
        merged.writeBestFirst(0, ords, dist, i * k);
      }
    });
    return Neighbours.ofOwned(k, ords, dist);
  }

  /** Scores every pair of tile {@code t} (block row bi <= block column bj) into both points' heaps. */
  private static void scoreTile(MetricSpace space, int t, int blocks, Heaps heaps) {
    int n = space.size();
    int bi = 0;
    int rowTiles = blocks;
    while (t >= rowTiles) {
      t -= rowTiles;
      bi++;
      rowTiles--;
    }
    int bj = bi + t;
    int iEnd = Math.min(n, (bi + 1) * TILE);
    int jEnd = Math.min(n, (bj + 1) * TILE);
    for (int i = bi * TILE; i < iEnd; i++) {
      for (int j = bi == bj ? i + 1 : bj * TILE; j < jEnd; j++) {
        double sq = space.squaredDistance(i, j);
        heaps.offer(i, sq, j);
        heaps.offer(j, sq, i);
      }
    }
  }

  /** Each query's k nearest points. */
  static Neighbours search(MetricSpace space, MetricSpace.Query[] queries, int k, int parallelism, Executor executor) {
    int n = space.size();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, size=" + n + "], got " + k);
    }
    int m = queries.length;
    int[] ords = new int[m * k];
    double[] dist = new double[m * k];
    Parallel.forRange(m, 16, parallelism, executor, (w, from, to) -> {
      Heaps heap = new Heaps(1, k);
      for (int q = from; q < to; q++) {
        heap.clear(0);
        MetricSpace.Query query = queries[q];
        for (int j = 0; j < n; j++) {
          heap.offer(0, query.squaredDistance(j), j);
        }
        heap.writeBestFirst(0, ords, dist, q * k);
      }
    });
    return Neighbours.ofOwned(k, ords, dist);
  }

  /**
   * One bounded max-heap of k (squared distance, ord) pairs per point in flat arrays, ordered by
   * distance then ord; the worst pair sits on top.
   */
  static final class Heaps {
    private final int k;
    private final double[] dist;
    private final int[] ord;
    private final int[] size;

    Heaps(int points, int k) {
      this.k = k;
      this.dist = new double[points * k];
      this.ord = new int[points * k];
      this.size = new int[points];
    }

    void clear(int p) {
      size[p] = 0;
    }

    /** The squared distance of point {@code p}'s k-th best pair, or +∞ while it has fewer than k. */
    double worst(int p) {
      return size[p] < k ? Double.POSITIVE_INFINITY : dist[p * k];
    }

    private static boolean worse(double d1, int o1, double d2, int o2) {
      return d1 > d2 || (d1 == d2 && o1 > o2);
    }

    void offer(int p, double d, int o) {
      int base = p * k;
      int s = size[p];
      if (s < k) {
        int i = s;
        size[p] = s + 1;
        while (i > 0) {
          int parent = (i - 1) >>> 1;
          if (!worse(d, o, dist[base + parent], ord[base + parent])) {
            break;
          }
          dist[base + i] = dist[base + parent];
          ord[base + i] = ord[base + parent];
          i = parent;
        }
        dist[base + i] = d;
        ord[base + i] = o;
        return;
      }
      if (!worse(dist[base], ord[base], d, o)) {
        return;
      }
      siftDown(base, s, d, o);
    }

    private void siftDown(int base, int s, double d, int o) {
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= s) {
          break;
        }
        if (c + 1 < s && worse(dist[base + c + 1], ord[base + c + 1], dist[base + c], ord[base + c])) {
          c++;
        }
        if (!worse(dist[base + c], ord[base + c], d, o)) {
          break;
        }
        dist[base + i] = dist[base + c];
        ord[base + i] = ord[base + c];
        i = c;
      }
      dist[base + i] = d;
      ord[base + i] = o;
    }

    /** Offers every pair of point {@code p} to {@code target}'s heap {@code q}. */
    void drainInto(int p, Heaps target, int q) {
      int base = p * k;
      for (int i = 0; i < size[p]; i++) {
        target.offer(q, dist[base + i], ord[base + i]);
      }
    }

    /** Writes heap {@code p} best first as distances (square roots) and ords, then empties it. */
    void writeBestFirst(int p, int[] ords, double[] distances, int offset) {
      int base = p * k;
      for (int s = size[p]; s > 0; s--) {
        ords[offset + s - 1] = ord[base];
        distances[offset + s - 1] = Math.sqrt(dist[base]);
        int lastOrd = ord[base + s - 1];
        double lastDist = dist[base + s - 1];
        siftDown(base, s - 1, lastDist, lastOrd);
      }
      size[p] = 0;
    }
  }
}
