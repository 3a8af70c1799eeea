package org.papermap;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.cluster.NeighbourQuery;
import org.papermap.cluster.Neighbours;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

/**
 * Serves clustering's neighbour queries from PaperMap's vector indexes: {@link HnswIndex}
 * (approximate, for large corpora: the k-NN graph of {@code MstAlgorithm.APPROXIMATE} HDBSCAN) or
 * {@link FlatIndex} (exact). It lives here, above both stages, so that {@code org.papermap.cluster}
 * never imports {@code org.papermap.index}.
 *
 * <p>The indexes score by dot product, which is a cosine on the L2-normalized points clustering hands
 * over for {@link ClusterMetric#COSINE}; scores {@code s} become Euclidean distances {@code sqrt(max(0, 2
 * − 2s))}. EUCLIDEAN clustering is not served (use {@code BruteForceNeighbours}).
 *
 * <p>Thread-safety: immutable; each {@link #index} call builds its own index.
 */
public final class IndexNeighbourProvider implements NeighbourProvider {
  private final String name;
  private final boolean exact;
  private final Function<DenseVectors, VectorIndex<float[]>> build;
  private final int searchThreads; // 0: the index's own parallelism

  private IndexNeighbourProvider(String name, boolean exact, Function<DenseVectors, VectorIndex<float[]>> build) {
    this(name, exact, build, 0);
  }

  private IndexNeighbourProvider(
      String name, boolean exact, Function<DenseVectors, VectorIndex<float[]>> build, int searchThreads) {
    this.name = name;
    this.exact = exact;
    this.build = build;
    this.searchThreads = searchThreads;
  }

  /** Approximate neighbours from an HNSW graph built with {@code options}. */
  public static IndexNeighbourProvider hnsw(HnswOptions options) {
    Objects.requireNonNull(options, "options");
    return new IndexNeighbourProvider("hnsw " + options, false, v -> HnswIndex.build(v, options));
  }

  /**
   * As {@link #hnsw}, but the graph is built on one thread, so the neighbours are the same on every run and
   * for any thread count (a parallel build depends on scheduling); all-pairs searches still run on {@code
   * options.parallelism()} threads.
   */
  public static IndexNeighbourProvider reproducibleHnsw(HnswOptions options) {
    Objects.requireNonNull(options, "options");
    HnswOptions serial = options.toBuilder().parallelism(1).build();
    return new IndexNeighbourProvider("hnsw (serial build) " + options, false, v -> HnswIndex.build(v, serial),
        options.parallelism());
  }

  /** Exact neighbours from a flat (brute-force) index. */
  public static IndexNeighbourProvider flat(IndexOptions options) {
    Objects.requireNonNull(options, "options");
    return new IndexNeighbourProvider("flat " + options, true, v -> FlatIndex.of(v, options));
  }

  @Override
  public NeighbourQuery index(DenseVectors points, ClusterMetric metric) {
    Objects.requireNonNull(points, "points");
    if (metric != ClusterMetric.COSINE) {
      throw new IllegalArgumentException(
          "metric must be COSINE for an index-backed neighbour provider (the indexes score by dot product), got "
              + metric);
    }
    VectorIndex<float[]> index = build.apply(points);
    return new NeighbourQuery() {
      @Override
      public Neighbours allNeighbours(int k) {
        int n = points.size();
        if (k < 1 || k > n - 1) {
          throw new IllegalArgumentException("k must be in [1, size-1=" + (n - 1) + "], got " + k);
        }
        return toNeighbours(index instanceof HnswIndex h && searchThreads > 0
            ? h.neighbours(k, searchThreads, org.papermap.progress.ProgressListener.NONE)
            : index.neighbours(k), k);
      }

      @Override
      public Neighbours search(DenseVectors queries, int k) {
        Objects.requireNonNull(queries, "queries");
        SearchResult[] rows = new SearchResult[queries.size()];
        for (int i = 0; i < rows.length; i++) {
          rows[i] = index.search(queries.vector(i), k, OrdFilter.ALL);
        }
        return toNeighbours(List.of(rows), k);
      }

      @Override
      public boolean isExact() {
        return exact;
      }
    };
  }

  private Neighbours toNeighbours(List<SearchResult> rows, int k) {
    int[] ords = new int[rows.size() * k];
    double[] dist = new double[ords.length];
    for (int i = 0; i < rows.size(); i++) {
      SearchResult r = rows.get(i);
      if (r.size() < k) {
        throw new IllegalStateException(
            name + " found " + r.size() + " neighbours for row " + i + ", " + k + " were asked for");
      }
      for (int j = 0; j < k; j++) {
        ords[i * k + j] = r.ord(j);
        dist[i * k + j] = Math.sqrt(Math.max(0.0, 2.0 - 2.0 * r.score(j)));
      }
    }
    return Neighbours.of(k, ords, dist);
  }

  @Override
  public String toString() {
    return "IndexNeighbourProvider[" + name + "]";
  }
}
