package org.papermap.index.hnsw;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.util.VectorUtil;
import org.papermap.index.DenseVectorStore;
import org.papermap.internal.TopKHeap;

/**
 * Links nodes into an {@link HnswGraph} (Malkov and Yashunin, IEEE TPAMI 2018, algorithm 1), as
 * Lucene's {@code HnswGraphBuilder}. Insertion of node q:
 *
 * <ol>
 *   <li>q's top level is {@code floor(-ln(U) / ln(M))}, drawn from {@code SplittableRandom(seed)} in ord
 *       order ({@link #drawLevel}), so levels never depend on threads.
 *   <li>From the entry point, greedy descent (ef = 1) through the levels above q's top level.
 *   <li>On each level from {@code min(top, maxLevel)} down to 0: a beam search with {@code
 *       efConstruction} (algorithm 2), then the heuristic neighbour selection (algorithm 4, without
 *       candidate extension) keeps at most M friends (2·M on level 0); each chosen friend gets a
 *       back-link to q and, when that overflows its capacity, is shrunk with the same heuristic.
 *   <li>If q's level is above the current maximum, q becomes the entry point.
 * </ol>
 *
 * <p>Locking: a back-link rewrites the friend's list under a lock striped by node; lists are published
 * whole (see {@link HnswGraph}), so searches never lock.
 *
 * <p>Thread-safety: {@link #insert} may run on several threads at once, each with its own {@link
 * Inserter}; {@link #drawLevel} must be serialized by the caller (in ord order).
 */
final class HnswBuilder {
  private static final int LOCK_STRIPES = 1024;

  private final HnswGraph graph;
  private final DenseVectorStore store;
  private final int efConstruction;
  private final SplittableRandom levelRandom;
  private final double levelMultiplier;
  private final ReentrantLock[] nodeLocks = new ReentrantLock[LOCK_STRIPES];

  HnswBuilder(HnswGraph graph, DenseVectorStore store, int m, int efConstruction, long seed) {
    this.graph = graph;
    this.store = store;
    this.efConstruction = efConstruction;
    this.levelRandom = new SplittableRandom(seed);
    this.levelMultiplier = 1 / Math.log(m);
    for (int i = 0; i < LOCK_STRIPES; i++) {
      nodeLocks[i] = new ReentrantLock();
    }
  }

  /** The top level of the next node, in [0, 30]. */
  int drawLevel() {
    double u = 1 - levelRandom.nextDouble(); // in (0, 1]
    return Math.min(30, (int) (-Math.log(u) * levelMultiplier));
  }

  /** Links {@code node}, already added to the graph with top level {@code level}. */
  void insert(int node, int level, Inserter inserter) {
    HnswSearcher searcher = inserter.searcher;
    float[] q = store.vector(node, inserter.nodeScratch);
    long entry = graph.entryOrBecomeIt(node, level);
    if (entry < 0) {
      return; // the first node
    }
    int entryNode = (int) (entry >>> 32);
    int top = (int) entry;
    long best = TopKHeap.key(searcher.similarity(q, entryNode), entryNode);
    for (int l = top; l > level; l--) {
      best = searcher.greedy(q, best, l);
    }
    for (int l = Math.min(level, top); l >= 0; l--) {
      searcher.searchForInsert(q, best, efConstruction, l, node);
      int[] chosen = inserter.selectFromResults(graph.maxConn(l));
      setOwnFriends(node, l, chosen, inserter);
      for (int friendOrd : chosen) {
        link(friendOrd, node, l, inserter);
      }
      // The best friend of this level seeds the next one down.
      int next = chosen.length > 0 ? chosen[0] : TopKHeap.ord(best);
      best = TopKHeap.key(searcher.similarity(q, next), next);
    }
    if (level > top) {
      graph.promoteEntry(node, level);
    }
  }

  /**
   * Gives {@code node} the friends {@code chosen} on {@code level}, under its lock: another thread that
   * found {@code node} while it was being inserted may already have linked itself to it, and writing
   * {@code chosen} alone would drop that link (a parallel build then lost recall against a serial one).
   * On one thread the list is still empty here, so serial builds are unchanged.
   */
  private void setOwnFriends(int node, int level, int[] chosen, Inserter inserter) {
    ReentrantLock lock = nodeLocks[node & (LOCK_STRIPES - 1)];
    lock.lock();
    try {
      int[] current = graph.friends(node, level);
      if (current[0] == 0) {
        graph.setFriends(node, level, list(chosen));
        return;
      }
      int[] merged = Arrays.copyOf(chosen, chosen.length + current[0]);
      int count = chosen.length;
      for (int i = 1; i <= current[0]; i++) {
        if (!contains(chosen, current[i])) {
          merged[count++] = current[i];
        }
      }
      merged = Arrays.copyOf(merged, count);
      int max = graph.maxConn(level);
      graph.setFriends(node, level, list(count <= max ? merged : inserter.select(node, merged, max)));
    } finally {
      lock.unlock();
    }
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** Adds a back-link {@code from -> to} on {@code level}, shrinking with the heuristic on overflow. */
  private void link(int from, int to, int level, Inserter inserter) {
    ReentrantLock lock = nodeLocks[from & (LOCK_STRIPES - 1)];
    lock.lock();
    try {
      int[] old = graph.friends(from, level);
      int count = old[0];
      int[] next;
      if (count < graph.maxConn(level)) {
        next = Arrays.copyOf(old, count + 2);
        next[0] = count + 1;
        next[count + 1] = to;
      } else {
        next = list(inserter.shrink(from, old, to, graph.maxConn(level)));
      }
      graph.setFriends(from, level, next);
    } finally {
      lock.unlock();
    }
  }

  private static int[] list(int[] friends) {
    int[] list = new int[friends.length + 1];
    list[0] = friends.length;
    System.arraycopy(friends, 0, list, 1, friends.length);
    return list;
  }

  /** A new per-thread inserter. */
  Inserter newInserter(HnswSearcher searcher) {
    return new Inserter(searcher);
  }

  /**
   * The scratch state of one inserting thread: a searcher for the beam searches and the buffers of the
   * neighbour selection. Not thread-safe.
   */
  final class Inserter {
    private final HnswSearcher searcher;
    private final float[] nodeScratch = new float[store.dimension()];
    private final float[] baseScratch = new float[store.dimension()];
    private final float[] candidateScratch = new float[store.dimension()];
    private final float[] keptScratch = new float[store.dimension()];
    private long[] keys = new long[64];
    private int[] selected = new int[64];

    private Inserter(HnswSearcher searcher) {
      this.searcher = searcher;
    }

    /** Heuristic selection (paper algorithm 4) from the searcher's results, best first. */
    int[] selectFromResults(int max) {
      int n = searcher.sortedResults();
      return heuristic(searcher.resultKeys(), n, max);
    }

    /** Friends of {@code node}: its old list plus {@code extra}, cut to {@code max} by the heuristic. */
    int[] shrink(int node, int[] old, int extra, int max) {
      int[] candidates = Arrays.copyOfRange(old, 1, old[0] + 2);
      candidates[old[0]] = extra;
      return select(node, candidates, max);
    }

    /** At most {@code max} of the distinct {@code candidates}, chosen for {@code node} by the heuristic. */
    int[] select(int node, int[] candidates, int max) {
      float[] base = store.vector(node, baseScratch);
      int n = candidates.length;
      if (keys.length < n) {
        keys = new long[Math.max(n, keys.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        keys[i] = TopKHeap.key(VectorUtil.dotProduct(base, store.vector(candidates[i], keptScratch)), candidates[i]);
      }
      Arrays.sort(keys, 0, n);
      return heuristic(keys, n, max);
    }

    /**
     * Walks {@code sorted[0..n)} from best (the end) to worst and keeps a candidate only if it is
     * closer to the base than to every candidate kept so far, up to {@code max}.
     */
    private int[] heuristic(long[] sorted, int n, int max) {
      if (selected.length < n) {
        selected = new int[Math.max(n, selected.length * 2)];
      }
      int count = 0;
      for (int i = n - 1; i >= 0 && count < max; i--) {
        int candidate = TopKHeap.ord(sorted[i]);
        float toBase = TopKHeap.score(sorted[i]);
        float[] cv = store.vector(candidate, candidateScratch);
        boolean keep = true;
        for (int j = 0; j < count; j++) {
          if (VectorUtil.dotProduct(cv, store.vector(selected[j], keptScratch)) > toBase) {
            keep = false;
            break;
          }
        }
        if (keep) {
          selected[count++] = candidate;
        }
      }
      return Arrays.copyOf(selected, count);
    }
  }
}
