package org.papermap.index.hnsw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.util.VectorUtil;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.HeapVectorStore;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.VectorIndex;
import org.papermap.internal.Parallel;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.internal.VectorChecks;
import org.papermap.vector.DenseVectors;

/**
 * Approximate nearest-neighbour search by dot product with a Hierarchical Navigable Small World graph
 * (Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search using Hierarchical
 * Navigable Small World graphs", IEEE TPAMI 2018). With L2-normalized vectors the score is the cosine.
 *
 * <p>Insertion of node q (paper algorithm 1):
 *
 * <ol>
 *   <li>q's top level is {@code floor(-ln(U) / ln(M))}, drawn from {@code SplittableRandom(seed)} in ord
 *       order, so levels never depend on threads.
 *   <li>From the entry point, greedy descent (ef = 1) through the levels above q's top level.
 *   <li>On each level from {@code min(top, maxLevel)} down to 0: a beam search with {@code
 *       efConstruction} (algorithm 2), then the heuristic neighbour selection (algorithm 4, without
 *       candidate extension) keeps at most M neighbours (2·M on level 0); each chosen neighbour gets a
 *       back-link to q and, when that overflows its capacity, is shrunk with the same heuristic.
 *   <li>If q's level is above the current maximum, q becomes the entry point.
 * </ol>
 *
 * <p>Search descends greedily to level 0, then runs a beam search with {@code max(efSearch, k)}
 * candidates. Deleted ords stay in the graph for navigation but are never returned; filtered-out ords
 * are traversed but not returned (a very selective filter therefore costs more nodes visited). Each
 * search borrows a searcher with epoch-tagged visited marks (hnswlib's {@code visited_list_pool}) and
 * reusable packed-long heaps, so the search loop allocates nothing.
 *
 * <p>With {@link Quantization#INT8} every vector is also stored as one byte per dimension (per-dimension
 * min/max fitted on the vectors given to {@link #build}; later adds are clamped into that range). The
 * beam search at level 0 scores with the int8 codes, and the {@code ef} candidates are re-ranked with
 * float vectors.
 *
 * <p>Locking: adds take a lock per node (striped) while rewriting that node's neighbour list; lists are
 * immutable arrays published with release/acquire semantics, so concurrent searches read a consistent
 * list without locks. The entry point changes under one lock. Growth of the node table is serialized.
 *
 * <p>Thread-safety: any number of concurrent searches, also concurrently with {@link #add} (a search
 * sees a consistent but possibly partial graph). A build on one thread is deterministic for a seed; a
 * build on several threads gives a graph of the same quality that depends on scheduling.
 */
public final class HnswIndex implements VectorIndex<float[]> {
  /** How vectors are scored during graph traversal. */
  public enum Quantization {
    /** float32 vectors only. */
    NONE,
    /** int8 codes (per-dimension min/max) for traversal, float re-ranking of the candidates. */
    INT8
  }

  /**
   * HNSW parameters.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param m max neighbours per node on levels above 0 (2·m on level 0), in [2, 512]
   * @param efConstruction beam width while building, {@code >= m}
   * @param efSearch default beam width while searching, {@code >= 1} (at least k is used)
   * @param seed seed of the level assignment
   * @param parallelism threads for {@link #build} and {@link #neighbours}, {@code >= 1}
   * @param executor where those threads run; {@code null} for a private pool per call
   * @param quantization vector encoding used for traversal
   */
  public record Options(
      int m,
      int efConstruction,
      int efSearch,
      long seed,
      int parallelism,
      Executor executor,
      Quantization quantization) {
    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 100;
    public static final int DEFAULT_EF_SEARCH = 64;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_PARALLELISM = 1;

    public static final Options DEFAULT = builder().build();

    public Options {
      if (m < 2 || m > 512) {
        throw new IllegalArgumentException("m must be in [2, 512], got " + m);
      }
      if (efConstruction < m) {
        throw new IllegalArgumentException(
            "efConstruction must be >= m=" + m + ", got " + efConstruction);
      }
      if (efSearch < 1) {
        throw new IllegalArgumentException("efSearch must be >= 1, got " + efSearch);
      }
      VectorChecks.checkParallelism(parallelism);
      Objects.requireNonNull(quantization, "quantization");
    }

    public static Builder builder() {
      return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
      return new Builder()
          .m(m)
          .efConstruction(efConstruction)
          .efSearch(efSearch)
          .seed(seed)
          .parallelism(parallelism)
          .executor(executor)
          .quantization(quantization);
    }

    /** Builder with the DEFAULT_* values. Thread-safety: not thread-safe. */
    public static final class Builder {
      private int m = DEFAULT_M;
      private int efConstruction = DEFAULT_EF_CONSTRUCTION;
      private int efSearch = DEFAULT_EF_SEARCH;
      private long seed = DEFAULT_SEED;
      private int parallelism = DEFAULT_PARALLELISM;
      private Executor executor;
      private Quantization quantization = Quantization.NONE;

      public Builder m(int v) {
        m = v;
        return this;
      }

      public Builder efConstruction(int v) {
        efConstruction = v;
        return this;
      }

      public Builder efSearch(int v) {
        efSearch = v;
        return this;
      }

      public Builder seed(long v) {
        seed = v;
        return this;
      }

      public Builder parallelism(int v) {
        parallelism = v;
        return this;
      }

      public Builder executor(Executor v) {
        executor = v;
        return this;
      }

      public Builder quantization(Quantization v) {
        quantization = v;
        return this;
      }

      public Options build() {
        return new Options(m, efConstruction, efSearch, seed, parallelism, executor, quantization);
      }
    }
  }

  private static final VarHandle LIST = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final int[] EMPTY_LIST = {0};
  private static final int LOCK_STRIPES = 1024;

  private final Options options;
  private final DenseVectorStore store;
  private final HeapVectorStore heap;
  private final Int8Codes codes;
  private final Tombstones tombstones;
  private final SplittableRandom levelRandom;
  private final double levelMultiplier;
  private final ReentrantLock[] nodeLocks = new ReentrantLock[LOCK_STRIPES];
  private final Object growLock = new Object();
  private final Object entryLock = new Object();
  private final ConcurrentLinkedQueue<Searcher> searchers = new ConcurrentLinkedQueue<>();

  /** graph[node][level] = {count, n1, n2, ...}; each list array is immutable once published. */
  private volatile int[][][] graph;

  private volatile int nodeCount;
  private volatile int entryNode = -1;
  private volatile int maxLevel = -1;

  private HnswIndex(Options options, DenseVectorStore store, HeapVectorStore heap, Int8Codes codes, Tombstones tombstones) {
    this.options = options;
    this.store = store;
    this.heap = heap;
    this.codes = codes;
    this.tombstones = tombstones;
    this.levelRandom = new SplittableRandom(options.seed());
    this.levelMultiplier = 1 / Math.log(options.m());
    this.graph = new int[16][][];
    for (int i = 0; i < LOCK_STRIPES; i++) {
      nodeLocks[i] = new ReentrantLock();
    }
  }

  /**
   * An empty index for incremental {@link #add}s.
   *
   * @throws IllegalArgumentException if {@code dimension < 1}, or INT8 quantization is asked for (its
   *     ranges are fitted by {@link #build})
   */
  public static HnswIndex create(int dimension, Options options) {
    Objects.requireNonNull(options, "options");
    if (options.quantization() != Quantization.NONE) {
      throw new IllegalArgumentException(
          "quantization " + options.quantization() + " fits its ranges on data: use build(vectors, options)");
    }
    HeapVectorStore h = new HeapVectorStore(dimension);
    return new HnswIndex(options, h, h, null, new Tombstones());
  }

  /**
   * Builds an index of {@code vectors} (ords {@code 0..size-1}) on {@link Options#parallelism()}
   * threads.
   *
   * @throws IllegalArgumentException if {@code vectors} is empty
   */
  public static HnswIndex build(DenseVectors vectors, Options options) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(options, "options");
    if (vectors.size() == 0) {
      throw new IllegalArgumentException("vectors must not be empty (the dimension is unknown)");
    }
    HeapVectorStore h = new HeapVectorStore(vectors.dimension());
    Int8Codes c = options.quantization() == Quantization.INT8 ? Int8Codes.fit(vectors) : null;
    HnswIndex index = new HnswIndex(options, h, h, c, new Tombstones());
    index.addAll(vectors);
    return index;
  }

  /**
   * Rebuilds an index from a stored graph over {@code store} (used by {@code
   * org.papermap.index.io.IndexFiles}); the result is read-only.
   *
   * @param levels top level of each node
   * @param links links[node][level] = neighbour ords of that node on that level
   * @param quantizerMin per-dimension range minimum when {@code options} asks for INT8, else null
   * @param quantizerMax per-dimension range maximum when {@code options} asks for INT8, else null
   * @throws IllegalArgumentException if the graph does not fit the store
   */
  public static HnswIndex load(
      DenseVectorStore store,
      int[] levels,
      int[][][] links,
      int entryNode,
      float[] quantizerMin,
      float[] quantizerMax,
      Options options) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(options, "options");
    int n = store.size();
    if (levels.length != n || links.length != n) {
      throw new IllegalArgumentException(
          "graph has " + levels.length + " nodes but the store has " + n + " vectors");
    }
    if (n > 0 ? (entryNode < 0 || entryNode >= n) : entryNode != -1) {
      throw new IllegalArgumentException("entryNode must be in [0, " + n + "), got " + entryNode);
    }
    Int8Codes c = null;
    if (options.quantization() == Quantization.INT8) {
      c = Int8Codes.of(Objects.requireNonNull(quantizerMin, "quantizerMin"), Objects.requireNonNull(quantizerMax, "quantizerMax"), store);
    }
    HnswIndex index = new HnswIndex(options, store, null, c, new Tombstones());
    int[][][] g = new int[Math.max(16, n)][][];
    int top = -1;
    for (int node = 0; node < n; node++) {
      if (levels[node] < 0 || links[node].length != levels[node] + 1) {
        throw new IllegalArgumentException("node " + node + ": level " + levels[node] + " does not match its lists");
      }
      g[node] = new int[levels[node] + 1][];
      for (int l = 0; l <= levels[node]; l++) {
        int[] nb = links[node][l];
        int cap = l == 0 ? 2 * options.m() : options.m();
        if (nb.length > cap) {
          throw new IllegalArgumentException(
              "node " + node + " level " + l + " has " + nb.length + " neighbours, more than " + cap);
        }
        int[] list = new int[nb.length + 1];
        list[0] = nb.length;
        for (int i = 0; i < nb.length; i++) {
          if (nb[i] < 0 || nb[i] >= n || levels[nb[i]] < l) {
            throw new IllegalArgumentException("node " + node + " level " + l + ": bad neighbour " + nb[i]);
          }
          list[i + 1] = nb[i];
        }
        g[node][l] = list;
      }
      top = Math.max(top, levels[node]);
    }
    if (n > 0 && levels[entryNode] != top) {
      throw new IllegalArgumentException("entryNode " + entryNode + " is not on the top level " + top);
    }
    index.graph = g;
    index.nodeCount = n;
    index.maxLevel = top;
    index.entryNode = entryNode;
    return index;
  }

  // ---------------------------------------------------------------- building

  /**
   * Adds one vector (a copy) and links it into the graph.
   *
   * @return its ord
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   * @throws IllegalStateException if the index was loaded from a file
   */
  public int add(float[] vector) {
    int ord;
    int level;
    // Ord, level and node slot are assigned together so nodeCount never covers an unallocated slot.
    synchronized (levelRandom) {
      ord = appendVector(vector);
      level = drawLevel();
      allocateNode(ord, level);
    }
    Searcher s = borrow();
    try {
      insert(ord, level, s);
    } finally {
      searchers.offer(s);
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

  private void addAll(DenseVectors vectors) {
    int n = vectors.size();
    int first = store.size();
    int[] levels = new int[n];
    synchronized (levelRandom) {
      for (int i = 0; i < n; i++) {
        appendVector(vectors.vector(i));
        levels[i] = drawLevel();
        allocateNode(first + i, levels[i]);
      }
    }
    List<Searcher> perWorker = Parallel.perWorker(options.parallelism(), w -> new Searcher());
    Parallel.forRange(
        n,
        256,
        options.parallelism(),
        options.executor(),
        (w, from, to) -> {
          for (int i = from; i < to; i++) {
            insert(first + i, levels[i], perWorker.get(w));
          }
        });
    searchers.addAll(perWorker);
  }

  private int drawLevel() {
    double u = 1 - levelRandom.nextDouble(); // in (0, 1]
    return Math.min(30, (int) (-Math.log(u) * levelMultiplier));
  }

  private void allocateNode(int ord, int level) {
    int[][] lists = new int[level + 1][];
    Arrays.fill(lists, EMPTY_LIST);
    synchronized (growLock) {
      int[][][] g = graph;
      if (ord >= g.length) {
        g = Arrays.copyOf(g, Math.max(ord + 1, g.length * 2));
      }
      g[ord] = lists;
      graph = g;
      if (ord >= nodeCount) {
        nodeCount = ord + 1;
      }
    }
  }

  private void insert(int node, int level, Searcher s) {
    float[] q = store.vector(node, s.insertScratch);
    int ep;
    int top;
    synchronized (entryLock) {
      if (entryNode < 0) {
        entryNode = node;
        maxLevel = level;
        return;
      }
      ep = entryNode;
      top = maxLevel;
    }
    float epScore = s.similarity(q, ep);
    for (int l = top; l > level; l--) {
      long best = s.greedy(q, ep, epScore, l);
      ep = TopKHeap.ord(best);
      epScore = TopKHeap.score(best);
    }
    for (int l = Math.min(level, top); l >= 0; l--) {
      // Exclude the node itself: a concurrent insert may already have linked to it on this level.
      s.searchLayer(q, ep, epScore, options.efConstruction(), l, OrdFilter.ALL, node, false, false);
      int[] chosen = s.selectFromResults(q, maxConn(l));
      int[] list = new int[chosen.length + 1];
      list[0] = chosen.length;
      System.arraycopy(chosen, 0, list, 1, chosen.length);
      setList(node, l, list);
      for (int nb : chosen) {
        link(nb, node, l, s);
      }
      // The best result of this level seeds the next one down.
      ep = chosen.length > 0 ? chosen[0] : ep;
      epScore = s.similarity(q, ep);
    }
    if (level > top) {
      synchronized (entryLock) {
        if (level > maxLevel) {
          maxLevel = level;
          entryNode = node;
        }
      }
    }
  }

  /** Adds a back-link {@code from -> to} on level l, shrinking with the heuristic on overflow. */
  private void link(int from, int to, int level, Searcher s) {
    ReentrantLock lock = nodeLocks[from & (LOCK_STRIPES - 1)];
    lock.lock();
    try {
      int[] old = list(from, level);
      int count = old[0];
      int cap = maxConn(level);
      int[] next;
      if (count < cap) {
        next = Arrays.copyOf(old, count + 2);
        next[0] = count + 1;
        next[count + 1] = to;
      } else {
        int[] chosen = s.shrink(from, old, to, cap);
        next = new int[chosen.length + 1];
        next[0] = chosen.length;
        System.arraycopy(chosen, 0, next, 1, chosen.length);
      }
      setList(from, level, next);
    } finally {
      lock.unlock();
    }
  }

  private int maxConn(int level) {
    return level == 0 ? 2 * options.m() : options.m();
  }

  private int[] list(int node, int level) {
    return (int[]) LIST.getAcquire(graph[node], level);
  }

  private void setList(int node, int level, int[] list) {
    LIST.setRelease(graph[node], level, list);
  }

  // ---------------------------------------------------------------- searching

  @Override
  public SearchResult search(float[] query, int k, OrdFilter filter) {
    return search(query, k, filter, options.efSearch());
  }

  /**
   * As {@link #search(float[], int, OrdFilter)} with an explicit beam width.
   *
   * @param ef beam width, {@code >= 1}; {@code max(ef, k)} is used
   */
  public SearchResult search(float[] query, int k, OrdFilter filter, int ef) {
    VectorChecks.checkVector(query, store.dimension(), "query");
    VectorChecks.checkK(k);
    Objects.requireNonNull(filter, "filter");
    if (ef < 1) {
      throw new IllegalArgumentException("ef must be >= 1, got " + ef);
    }
    Searcher s = borrow();
    try {
      return s.search(query, k, Math.max(ef, k), filter, SearchResult.NO_QUERY_ORD);
    } finally {
      searchers.offer(s);
    }
  }

  /** {@inheritDoc} Approximate, with {@link Options#efSearch()}; thread-count independent. */
  @Override
  public List<SearchResult> neighbours(int k) {
    VectorChecks.checkK(k);
    int n = nodeCount;
    SearchResult[] out = new SearchResult[n];
    List<Searcher> perWorker = Parallel.perWorker(options.parallelism(), w -> new Searcher());
    Parallel.forRange(
        n,
        64,
        options.parallelism(),
        options.executor(),
        (w, from, to) -> {
          Searcher s = perWorker.get(w);
          float[] q = new float[store.dimension()];
          for (int ord = from; ord < to; ord++) {
            if (!tombstones.isDeleted(ord)) {
              float[] v = store.vector(ord, q);
              out[ord] = s.search(v, k, Math.max(options.efSearch(), k + 1), OrdFilter.ALL, ord);
            }
          }
        });
    return SearchResult.present(out);
  }

  private Searcher borrow() {
    Searcher s = searchers.poll();
    return s != null ? s : new Searcher();
  }

  // ---------------------------------------------------------------- accessors

  @Override
  public int size() {
    return nodeCount - tombstones.count();
  }

  @Override
  public int ordCount() {
    return nodeCount;
  }

  @Override
  public boolean delete(int ord) {
    VectorChecks.checkOrd(ord, nodeCount);
    return tombstones.delete(ord);
  }

  @Override
  public boolean isDeleted(int ord) {
    return tombstones.isDeleted(ord);
  }

  public Options options() {
    return options;
  }

  public int dimension() {
    return store.dimension();
  }

  /** The stored vectors (deleted ones included). */
  public DenseVectorStore vectors() {
    return store;
  }

  /** The entry node, -1 when empty. */
  public int entryNode() {
    return entryNode;
  }

  /** The highest level, -1 when empty. */
  public int maxLevel() {
    return maxLevel;
  }

  /** The top level of {@code node}. */
  public int level(int node) {
    VectorChecks.checkOrd(node, nodeCount);
    return graph[node].length - 1;
  }

  /** A copy of {@code node}'s neighbours on {@code level}. */
  public int[] neighbours(int node, int level) {
    VectorChecks.checkOrd(node, nodeCount);
    if (level < 0 || level > level(node)) {
      throw new IllegalArgumentException("level must be in [0, " + level(node) + "], got " + level);
    }
    int[] l = list(node, level);
    return Arrays.copyOfRange(l, 1, 1 + l[0]);
  }

  /** Per-dimension int8 range minimum, or null without quantization. */
  public float[] quantizerMin() {
    return codes == null ? null : codes.min.clone();
  }

  /** Per-dimension int8 range maximum, or null without quantization. */
  public float[] quantizerMax() {
    return codes == null ? null : codes.max.clone();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "HnswIndex[size=%d, ordCount=%d, dimension=%d, maxLevel=%d, %s]",
        size(), ordCount(), dimension(), maxLevel, options);
  }

  // ---------------------------------------------------------------- per-thread scratch

  /** Heaps, visited marks and scratch vectors of one searching or inserting thread. Not thread-safe. */
  private final class Searcher {
    private final TopKHeap candidates = TopKHeap.unbounded(64);
    private final TopKHeap results = TopKHeap.bounded(1);
    private final float[] insertScratch = new float[store.dimension()];
    private final float[] scratchA = new float[store.dimension()];
    private final float[] scratchB = new float[store.dimension()];
    private final float[] scratchC = new float[store.dimension()];
    private final byte[] queryCodes = new byte[store.dimension()];
    private final float[] quantConstants = new float[2];
    private int[] visited = new int[16];
    private int epoch;
    private long[] keys = new long[64];
    private int[] selected = new int[64];
    private boolean quantized;

    private void prepare() {
      int n = nodeCount;
      if (visited.length < n) {
        visited = new int[Math.max(n, visited.length * 2)];
        epoch = 0;
      }
      if (++epoch == Integer.MAX_VALUE) {
        Arrays.fill(visited, 0);
        epoch = 1;
      }
    }

    /** Marks {@code node} visited; false if it already was. */
    private boolean visit(int node) {
      if (node >= visited.length) {
        visited = Arrays.copyOf(visited, Math.max(node + 1, visited.length * 2));
      }
      if (visited[node] == epoch) {
        return false;
      }
      visited[node] = epoch;
      return true;
    }

    float similarity(float[] q, int node) {
      return VectorUtil.dotProduct(q, store.vector(node, scratchA));
    }

    private float score(float[] q, int node) {
      return quantized
          ? codes.score(queryCodes, quantConstants[0], quantConstants[1], node)
          : similarity(q, node);
    }

    /** Greedy walk on one level; returns the packed key of the local optimum. */
    long greedy(float[] q, int ep, float epScore, int level) {
      int cur = ep;
      float curScore = epScore;
      boolean changed = true;
      while (changed) {
        changed = false;
        int[] l = list(cur, level);
        for (int i = 1, c = l[0]; i <= c; i++) {
          int nb = l[i];
          float sc = similarity(q, nb);
          if (sc > curScore || (sc == curScore && nb < cur)) {
            cur = nb;
            curScore = sc;
            changed = true;
          }
        }
      }
      return TopKHeap.key(curScore, cur);
    }

    /**
     * Beam search on one level (paper algorithm 2). Leaves the best {@code ef} accepted nodes in
     * {@link #results}.
     *
     * @return number of nodes scored
     */
    int searchLayer(
        float[] q, int ep, float epScore, int ef, int level, OrdFilter filter, int exclude,
        boolean liveOnly, boolean useCodes) {
      prepare();
      quantized = useCodes;
      candidates.clear(0);
      results.clear(ef);
      float sc = quantized ? score(q, ep) : epScore;
      visit(ep);
      long k0 = TopKHeap.key(sc, ep);
      candidates.offer(k0);
      if (accepted(ep, filter, exclude, liveOnly)) {
        results.offer(k0);
      }
      int scored = 1;
      while (candidates.size() > 0) {
        long c = candidates.popBest();
        if (results.isFull() && TopKHeap.score(c) < TopKHeap.score(results.worstKey())) {
          break;
        }
        int[] l = list(TopKHeap.ord(c), level);
        for (int i = 1, n = l[0]; i <= n; i++) {
          int nb = l[i];
          if (!visit(nb)) {
            continue;
          }
          float s = score(q, nb);
          scored++;
          long key = TopKHeap.key(s, nb);
          if (!results.isFull() || key > results.worstKey()) {
            candidates.offer(key);
            if (accepted(nb, filter, exclude, liveOnly)) {
              results.offer(key);
            }
          }
        }
      }
      quantized = false;
      return scored;
    }

    private boolean accepted(int node, OrdFilter filter, int exclude, boolean liveOnly) {
      return node != exclude && (!liveOnly || !tombstones.isDeleted(node)) && filter.accept(node);
    }

    SearchResult search(float[] q, int k, int ef, OrdFilter filter, int exclude) {
      int ep = entryNode;
      int top = maxLevel;
      if (ep < 0) {
        return SearchResult.of(exclude, new int[0], new float[0], 0, 0);
      }
      int scored = 1;
      float epScore = similarity(q, ep);
      for (int l = top; l > 0; l--) {
        long best = greedy(q, ep, epScore, l);
        ep = TopKHeap.ord(best);
        epScore = TopKHeap.score(best);
      }
      boolean useCodes = codes != null;
      if (useCodes) {
        codes.prepareQuery(q, queryCodes, quantConstants);
      }
      scored += searchLayer(q, ep, epScore, ef, 0, filter, exclude, true, useCodes);
      int n = results.size();
      ensureKeys(n);
      for (int i = 0; i < n; i++) {
        long key = results.popWorst();
        if (useCodes) {
          // Re-rank with float vectors: the int8 score only chose the candidates.
          int node = TopKHeap.ord(key);
          key = TopKHeap.key(similarity(q, node), node);
        }
        keys[i] = key;
      }
      Arrays.sort(keys, 0, n);
      int m = Math.min(k, n);
      int[] ords = new int[m];
      float[] scores = new float[m];
      for (int i = 0; i < m; i++) {
        long key = keys[n - 1 - i];
        ords[i] = TopKHeap.ord(key);
        scores[i] = TopKHeap.score(key);
      }
      return SearchResult.of(exclude, ords, scores, m, scored);
    }

    private void ensureKeys(int n) {
      if (keys.length < n) {
        keys = new long[Math.max(n, keys.length * 2)];
      }
      if (selected.length < n) {
        selected = new int[Math.max(n, selected.length * 2)];
      }
    }

    /** Heuristic selection (paper algorithm 4) from the current results, best first. */
    int[] selectFromResults(float[] q, int max) {
      int n = results.size();
      ensureKeys(n);
      for (int i = 0; i < n; i++) {
        keys[i] = results.popWorst();
      }
      Arrays.sort(keys, 0, n);
      return heuristic(n, max);
    }

    /** Neighbours of {@code node}: its old list plus {@code extra}, cut to {@code max} by the heuristic. */
    int[] shrink(int node, int[] old, int extra, int max) {
      float[] base = store.vector(node, scratchC);
      int n = old[0] + 1;
      ensureKeys(n);
      for (int i = 0; i < old[0]; i++) {
        keys[i] = TopKHeap.key(VectorUtil.dotProduct(base, store.vector(old[i + 1], scratchA)), old[i + 1]);
      }
      keys[n - 1] = TopKHeap.key(VectorUtil.dotProduct(base, store.vector(extra, scratchA)), extra);
      Arrays.sort(keys, 0, n);
      return heuristic(n, max);
    }

    /**
     * Walks keys[0..n) from best (the end) to worst and keeps a candidate only if it is closer to the
     * base than to every candidate kept so far, up to {@code max}.
     */
    private int[] heuristic(int n, int max) {
      int count = 0;
      for (int i = n - 1; i >= 0 && count < max; i--) {
        int cand = TopKHeap.ord(keys[i]);
        float toBase = TopKHeap.score(keys[i]);
        float[] cv = store.vector(cand, scratchB);
        boolean keep = true;
        for (int j = 0; j < count; j++) {
          if (VectorUtil.dotProduct(cv, store.vector(selected[j], scratchA)) > toBase) {
            keep = false;
            break;
          }
        }
        if (keep) {
          selected[count++] = cand;
        }
      }
      return Arrays.copyOf(selected, count);
    }
  }
}
