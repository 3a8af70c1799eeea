package org.papermap.index.hnsw;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.HeapVectorStore;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.VectorIndex;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.internal.Tombstones;
import org.papermap.internal.VectorChecks;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.DenseVectors;

/**
 * Approximate nearest-neighbour search by dot product with a Hierarchical Navigable Small World graph
 * (Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search using Hierarchical
 * Navigable Small World graphs", IEEE TPAMI 2018). With L2-normalized vectors the score is the cosine.
 *
 * <p>The index ties the roles together, as Lucene's {@code util/hnsw} does: {@link HnswGraph} holds the
 * layered neighbour lists, {@link HnswBuilder} inserts nodes (levels from {@code SplittableRandom(seed)}
 * in ord order, beam search with {@code efConstruction}, heuristic neighbour selection), and {@link
 * HnswSearcher} answers queries (greedy descent, then a beam of {@code max(efSearch, k)} on level 0).
 * Deleted ords stay in the graph for navigation but are never returned; filtered-out ords are traversed
 * but not returned (a very selective filter therefore costs more nodes visited). Searchers and
 * inserters are pooled, so a search allocates nothing but its result.
 *
 * <p>With {@link HnswOptions.Quantization#INT8} every vector is also stored as one byte per dimension (per-dimension
 * min/max fitted on the vectors given to {@link #build}; later adds are clamped into that range). The
 * beam search at level 0 scores with the int8 codes, and the {@code ef} candidates are re-ranked with
 * float vectors.
 *
 * <p>Files: {@link HnswIndexFile} saves and opens an index (graph on the heap, vectors mapped).
 *
 * <p>Thread-safety: any number of concurrent searches, also concurrently with {@link #add} (a search
 * sees a consistent but possibly partial graph). A build on one thread is deterministic for a seed; a
 * build on several threads gives a graph of the same quality that depends on scheduling.
 */
public final class HnswIndex implements VectorIndex<float[]> {
  private final HnswOptions options;
  private final DenseVectorStore store;
  private final HeapVectorStore heap;
  private final Int8Codes codes;
  private final Tombstones tombstones = new Tombstones();
  private final HnswGraph graph;
  private final HnswBuilder builder;
  private final Object addLock = new Object();
  private final ConcurrentLinkedQueue<HnswSearcher> searchers = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<HnswBuilder.Inserter> inserters = new ConcurrentLinkedQueue<>();

  private HnswIndex(HnswOptions options, DenseVectorStore store, HeapVectorStore heap, Int8Codes codes, HnswGraph graph) {
    this.options = options;
    this.store = store;
    this.heap = heap;
    this.codes = codes;
    this.graph = graph;
    this.builder =
        heap == null ? null : new HnswBuilder(graph, store, options.m(), options.efConstruction(), options.seed());
  }

  /**
   * An empty index for incremental {@link #add}s.
   *
   * @throws IllegalArgumentException if {@code dimension < 1}, or INT8 quantization is asked for (its
   *     ranges are fitted by {@link #build})
   */
  public static HnswIndex create(int dimension, HnswOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.quantization() != HnswOptions.Quantization.NONE) {
      throw new IllegalArgumentException(
          "quantization " + options.quantization() + " fits its ranges on data: use build(vectors, options)");
    }
    HeapVectorStore h = new HeapVectorStore(dimension);
    return new HnswIndex(options, h, h, null, new HnswGraph(options.m()));
  }

  /**
   * Builds an index of {@code vectors} (ords {@code 0..size-1}) on {@link HnswOptions#parallelism()}
   * threads.
   *
   * @throws IllegalArgumentException if {@code vectors} is empty
   */
  public static HnswIndex build(DenseVectors vectors, HnswOptions options) {
    return build(vectors, options, ProgressListener.NONE);
  }

  /**
   * As {@link #build(DenseVectors, HnswOptions)}, reporting the step {@code hnsw index} (in vectors
   * inserted) to {@code progress}.
   *
   * @throws IllegalArgumentException if {@code vectors} is empty
   */
  public static HnswIndex build(DenseVectors vectors, HnswOptions options, ProgressListener progress) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (vectors.size() == 0) {
      throw new IllegalArgumentException("vectors must not be empty (the dimension is unknown)");
    }
    HeapVectorStore h = new HeapVectorStore(vectors.dimension());
    Int8Codes c = options.quantization() == HnswOptions.Quantization.INT8 ? Int8Codes.fit(vectors) : null;
    HnswIndex index = new HnswIndex(options, h, h, c, new HnswGraph(options.m()));
    try (StepProgress step = StepProgress.begin(progress, "hnsw index", vectors.size(), "vectors")) {
      index.addAll(vectors, step);
    }
    return index;
  }

  /**
   * A read-only index over a stored graph and vectors (see {@link HnswIndexFile}).
   *
   * @param quantizerMin per-dimension range minimum when {@code options} asks for INT8, else null
   * @param quantizerMax per-dimension range maximum when {@code options} asks for INT8, else null
   * @throws IllegalArgumentException if the graph does not fit the store
   */
  static HnswIndex load(
      DenseVectorStore store, HnswGraph graph, float[] quantizerMin, float[] quantizerMax, HnswOptions options) {
    if (graph.nodeCount() != store.size()) {
      throw new IllegalArgumentException(
          "graph has " + graph.nodeCount() + " nodes but the store has " + store.size() + " vectors");
    }
    Int8Codes c = null;
    if (options.quantization() == HnswOptions.Quantization.INT8) {
      c = Int8Codes.of(Objects.requireNonNull(quantizerMin, "quantizerMin"), Objects.requireNonNull(quantizerMax, "quantizerMax"), store);
    }
    return new HnswIndex(options, store, null, c, graph);
  }

  /**
   * Adds one vector (a copy) and links it into the graph.
   *
   * @return its ord
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   * @throws IllegalStateException if the index was opened from a file
   */
  @Override
  public int add(float[] vector) {
    int ord;
    int level;
    // Ord, level and node slot are assigned together, so levels follow ord order and nodeCount never
    // covers a node without lists.
    synchronized (addLock) {
      ord = appendVector(vector);
      level = builder.drawLevel();
      graph.addNode(ord, level);
    }
    HnswBuilder.Inserter inserter = borrowInserter();
    try {
      builder.insert(ord, level, inserter);
    } finally {
      inserters.offer(inserter);
    }
    return ord;
  }

  private int appendVector(float[] vector) {
    if (heap == null) {
      throw new IllegalStateException("index is read-only (opened from a file): add is not supported");
    }
    int ord = heap.add(vector);
    if (codes != null) {
      codes.add(ord, vector);
    }
    return ord;
  }

  private void addAll(DenseVectors vectors, StepProgress step) {
    int n = vectors.size();
    int first = store.size();
    int[] levels = new int[n];
    synchronized (addLock) {
      for (int i = 0; i < n; i++) {
        appendVector(vectors.vector(i));
        levels[i] = builder.drawLevel();
        graph.addNode(first + i, levels[i]);
      }
    }
    List<HnswBuilder.Inserter> perWorker =
        Parallel.perWorker(options.parallelism(), w -> builder.newInserter(newSearcher()));
    Parallel.forRange(
        n,
        256,
        options.parallelism(),
        options.executor(),
        (w, from, to) -> {
          for (int i = from; i < to; i++) {
            builder.insert(first + i, levels[i], perWorker.get(w));
          }
          step.add(to - from);
        });
    inserters.addAll(perWorker);
  }

  @Override
  public SearchResult search(float[] query, int k, OrdFilter filter) {
    return search(query, k, filter, options.efSearch());
  }

  /**
   * As {@link #search(float[], int, OrdFilter)} with an explicit beam width.
   *
   * @param k hits wanted, {@code >= 1}; more than {@link #ordCount()} is taken as {@code ordCount()}
   * @param ef beam width, {@code >= 1}; {@code max(ef, k)} is used
   */
  public SearchResult search(float[] query, int k, OrdFilter filter, int ef) {
    VectorChecks.checkVector(query, store.dimension(), "query");
    VectorChecks.checkK(k);
    Objects.requireNonNull(filter, "filter");
    if (ef < 1) {
      throw new IllegalArgumentException("ef must be >= 1, got " + ef);
    }
    int kk = VectorChecks.clampK(k, graph.nodeCount());
    HnswSearcher s = borrowSearcher();
    try {
      return s.search(query, kk, Math.max(ef, kk), filter, SearchResult.NO_QUERY_ORD);
    } finally {
      searchers.offer(s);
    }
  }

  /** {@inheritDoc} Approximate, with {@link HnswOptions#efSearch()}; thread-count independent. */
  @Override
  public List<SearchResult> neighbours(int k, ProgressListener progress) {
    return neighbours(k, options.parallelism(), progress);
  }

  /**
   * As {@link #neighbours(int, ProgressListener)} on {@code parallelism} threads (for a graph built on one
   * thread, to be reproducible, and searched on several); the answers do not depend on it.
   */
  public List<SearchResult> neighbours(int k, int parallelism, ProgressListener progress) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    VectorChecks.checkK(k);
    Objects.requireNonNull(progress, "progress");
    int n = graph.nodeCount();
    int kk = VectorChecks.clampK(k, n);
    SearchResult[] out = new SearchResult[n];
    List<HnswSearcher> perWorker = Parallel.perWorker(parallelism, w -> newSearcher());
    try (StepProgress step = StepProgress.begin(progress, "neighbours", n, "vectors")) {
      Parallel.forRange(
          n,
          64,
          parallelism,
          options.executor(),
          (w, from, to) -> {
            HnswSearcher s = perWorker.get(w);
            float[] q = new float[store.dimension()];
            for (int ord = from; ord < to; ord++) {
              if (!tombstones.isDeleted(ord)) {
                float[] v = store.vector(ord, q);
                out[ord] = s.search(v, kk, Math.max(options.efSearch(), kk + 1), OrdFilter.ALL, ord);
              }
            }
            step.add(to - from);
          });
    }
    return SearchResult.present(out);
  }

  private HnswSearcher newSearcher() {
    return new HnswSearcher(graph, store, codes, tombstones);
  }

  private HnswSearcher borrowSearcher() {
    HnswSearcher s = searchers.poll();
    return s != null ? s : newSearcher();
  }

  private HnswBuilder.Inserter borrowInserter() {
    HnswBuilder.Inserter i = inserters.poll();
    return i != null ? i : builder.newInserter(newSearcher());
  }

  @Override
  public int size() {
    return graph.nodeCount() - tombstones.count();
  }

  @Override
  public int ordCount() {
    return graph.nodeCount();
  }

  @Override
  public boolean delete(int ord) {
    VectorChecks.checkOrd(ord, graph.nodeCount());
    return tombstones.delete(ord);
  }

  @Override
  public boolean isDeleted(int ord) {
    return tombstones.isDeleted(ord);
  }

  public HnswOptions options() {
    return options;
  }

  public int dimension() {
    return store.dimension();
  }

  /** The stored vectors (deleted ones included). */
  public DenseVectorStore vectors() {
    return store;
  }

  /** The graph, for {@link HnswIndexFile} and tests. */
  HnswGraph graph() {
    return graph;
  }

  /** Per-dimension int8 range minimum, or null without quantization. */
  float[] quantizerMin() {
    return codes == null ? null : codes.min.clone();
  }

  /** Per-dimension int8 range maximum, or null without quantization. */
  float[] quantizerMax() {
    return codes == null ? null : codes.max.clone();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "HnswIndex[size=%d, ordCount=%d, dimension=%d, maxLevel=%d, %s]",
        size(), ordCount(), dimension(), graph.maxLevel(), options);
  }
}
