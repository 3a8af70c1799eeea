package org.papermap.index;

import java.util.List;
import org.apache.lucene.util.VectorUtil;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.internal.simd.DistanceKernels;

/**
 * The exact k nearest other vectors of every vector of a {@link FlatIndex} ({@link FlatIndex#neighbours}),
 * computed in tiles instead of one scan per vector: one scan per vector makes {@code n²} short dot-product
 * calls, and at 118,000 LSA-70 vectors that was about two minutes of a map build (its neighbour smoothing; 23 s in
 * tiles).
 *
 * <p>Steps: (1) <b>tile</b> the vectors dimension-major, {@value #TILE} per tile ({@code d × TILE} floats
 * stay in the L2 cache); (2) for each block of {@value #QUERY_BLOCK} query vectors and each tile, score
 * the block against the tile's vectors, {@value #ROWS} queries per SIMD pass ({@link DistanceKernels#denseDots}:
 * lane-wise fused multiply-adds in dimension order, no horizontal reduction) and
 * keep the best {@code k + }{@value #MARGIN} of each query; (3) <b>rescore</b> those candidates with
 * {@link VectorUtil#dotProduct}, as {@link FlatIndex#search} scores, and keep the best {@code k} (ties to the
 * lower ord). The margin absorbs the last-bit differences between the two sums, so the answers are those
 * of one {@link FlatIndex#search} per vector, for any thread count.
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class FlatAllPairs {
  static final int TILE = 1024;
  static final int QUERY_BLOCK = 64;
  static final int MARGIN = 8;
  /** Query rows scored per pass over a tile ({@link DistanceKernels#denseDots} reads the tile once for them). */
  static final int ROWS = 4;

  private FlatAllPairs() {}

  /** The neighbours of every live ord of {@code store} (null for deleted ones), self excluded. */
  static SearchResult[] neighbours(
      DenseVectorStore store, Tombstones tombstones, int k, IndexOptions options, StepProgress step) {
    int n = store.size();
    int d = store.dimension();
    DistanceKernels kernels = DistanceKernels.get();
    int stride = TILE;
    float[][] tiles = tiles(store, stride);
    int live = n - tombstones.count();
    int candidates = Math.min(k + MARGIN, Math.max(1, live - 1));
    SearchResult[] out = new SearchResult[n];
    List<Block> blocks = Parallel.perWorker(options.parallelism(), w -> new Block(d, stride, candidates, k));
    Parallel.forRange(n, QUERY_BLOCK, options.parallelism(), options.executor(), (w, from, to) -> {
      Block b = blocks.get(w);
      b.start(store, from, to, candidates);
      for (int t = 0; t < tiles.length; t++) {
        int first = t * stride;
        int count = Math.min(stride, n - first);
        for (int q = from; q < to; q += ROWS) {
          int rows = Math.min(ROWS, to - q);
          kernels.denseDots(b.queries, q - from, rows, d, tiles[t], stride, b.scores);
          for (int r = 0; r < rows; r++) {
            b.offer(b.scores[r], q - from + r, q + r, first, count, tombstones);
          }
        }
      }
      for (int q = from; q < to; q++) {
        if (!tombstones.isDeleted(q)) {
          out[q] = b.rescore(store, q, q - from, live - 1, k);
        }
      }
      step.add(to - from);
    });
    return out;
  }

  /** The vectors in tiles of {@code stride}, dimension-major: {@code tile[j · stride + i]} = x_i[j]; zero-padded. */
  private static float[][] tiles(DenseVectorStore store, int stride) {
    int n = store.size();
    int d = store.dimension();
    float[][] tiles = new float[(n + stride - 1) / stride][d * stride];
    float[] scratch = new float[d];
    for (int ord = 0; ord < n; ord++) {
      float[] x = store.vector(ord, scratch);
      float[] tile = tiles[ord / stride];
      int i = ord % stride;
      for (int j = 0; j < d; j++) {
        tile[j * stride + i] = x[j];
      }
    }
    return tiles;
  }

  /** One worker's state for a block of queries: their vectors, candidate heaps and thresholds. */
  private static final class Block {
    final float[][] queries;
    final float[][] scores;
    final TopKHeap[] heaps;
    final float[] threshold;
    final TopKHeap best;
    final int[] ords;
    final float[] values;
    final float[] scratch;

    Block(int d, int stride, int candidates, int k) {
      queries = new float[QUERY_BLOCK][d];
      scores = new float[ROWS][stride];
      heaps = new TopKHeap[QUERY_BLOCK];
      for (int i = 0; i < QUERY_BLOCK; i++) {
        heaps[i] = TopKHeap.bounded(candidates);
      }
      threshold = new float[QUERY_BLOCK];
      best = TopKHeap.bounded(Math.max(1, k));
      ords = new int[candidates];
      values = new float[candidates];
      scratch = new float[d];
    }

    void start(DenseVectorStore store, int from, int to, int candidates) {
      for (int q = from; q < to; q++) {
        float[] v = store.vector(q, queries[q - from]);
        if (v != queries[q - from]) {
          System.arraycopy(v, 0, queries[q - from], 0, v.length);
        }
        heaps[q - from].clear(candidates);
        threshold[q - from] = Float.NEGATIVE_INFINITY;
      }
    }

    /** Offers the tile's scores of query {@code q} (block slot {@code slot}) to its candidate heap. */
    void offer(float[] scores, int slot, int q, int first, int count, Tombstones tombstones) {
      TopKHeap heap = heaps[slot];
      float min = threshold[slot];
      for (int i = 0; i < count; i++) {
        float s = scores[i];
        // >= : a score tied with the worst kept one may still win on its lower ord
        if (s >= min) {
          int ord = first + i;
          if (ord != q && !tombstones.isDeleted(ord) && heap.offer(TopKHeap.key(s, ord)) && heap.isFull()) {
            min = TopKHeap.score(heap.worstKey());
          }
        }
      }
      threshold[slot] = min;
    }

    /** The best {@code k} of query {@code q}'s candidates, rescored as {@link FlatIndex#search} scores them. */
    SearchResult rescore(DenseVectorStore store, int q, int slot, int visited, int k) {
      TopKHeap heap = heaps[slot];
      int m = heap.drainBestFirst(ords, values);
      best.clear(Math.max(1, Math.min(k, m)));
      float[] query = queries[slot];
      for (int i = 0; i < m; i++) {
        best.offer(TopKHeap.key(VectorUtil.dotProduct(query, store.vector(ords[i], scratch)), ords[i]));
      }
      int[] o = new int[best.size()];
      float[] s = new float[best.size()];
      int kept = best.drainBestFirst(o, s);
      return SearchResult.of(q, o, s, kept, visited);
    }
  }
}
