package org.papermap.index.hnsw;

import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;

/**
 * Searches an {@link HnswGraph} and owns the scratch state of one searching thread, as Lucene's {@code
 * HnswGraphSearcher}: a best-first candidate queue and a bounded result heap of packed {@code (score,
 * ord)} longs, epoch-tagged visited marks (hnswlib's {@code visited_list_pool}: no clearing per query)
 * and scratch vectors. Nothing is allocated per query once the buffers have grown to the graph.
 *
 * <p>A query descends greedily from the entry point to level 1, then runs a beam search on level 0
 * (paper algorithm 2) keeping the best {@code ef} accepted nodes; with int8 codes the beam scores
 * codes and the {@code ef} results are re-ranked with float vectors. Rejected nodes (filtered out,
 * deleted, the query itself) are still traversed, so the graph stays connected for the search.
 *
 * <p>Thread-safety: not thread-safe; one searcher per thread (the index pools them).
 */
final class HnswSearcher {
  private final HnswGraph graph;
  private final DenseVectorStore store;
  private final Int8Codes codes;
  private final Tombstones tombstones;

  private final TopKHeap candidates = TopKHeap.unbounded(64);
  private final TopKHeap results = TopKHeap.bounded(1);
  private final float[] friendScratch;
  private final byte[] queryCodes;
  private final float[] quantConstants = new float[2];
  private int[] visited = new int[16];
  private int epoch;
  private long[] keys = new long[64];

  // What the current search accepts and how it scores; set by its entry point.
  private OrdFilter filter = OrdFilter.ALL;
  private int excludeOrd = -1;
  private boolean liveOnly;
  private boolean scoreCodes;

  HnswSearcher(HnswGraph graph, DenseVectorStore store, Int8Codes codes, Tombstones tombstones) {
    this.graph = graph;
    this.store = store;
    this.codes = codes;
    this.tombstones = tombstones;
    this.friendScratch = new float[store.dimension()];
    this.queryCodes = new byte[store.dimension()];
  }

  /** The float dot product of {@code query} with the vector of {@code node}. */
  float similarity(float[] query, int node) {
    return VectorUtil.dotProduct(query, store.vector(node, friendScratch));
  }

  /**
   * The best {@code k} live, accepted nodes other than {@code excludeOrd}, best first, with a beam of
   * {@code ef >= k} on level 0.
   */
  SearchResult search(float[] query, int k, int ef, OrdFilter filter, int excludeOrd) {
    int entry = graph.entryNode();
    int top = graph.maxLevel();
    if (entry < 0) {
      return SearchResult.of(excludeOrd, new int[0], new float[0], 0, 0);
    }
    long best = TopKHeap.key(similarity(query, entry), entry);
    for (int level = top; level > 0; level--) {
      best = greedy(query, best, level);
    }
    accept(filter, excludeOrd, true, codes != null);
    if (scoreCodes) {
      codes.prepareQuery(query, queryCodes, quantConstants);
    }
    int scored = 1 + searchLevel(query, best, ef, 0);
    // With codes, re-rank with float vectors: the int8 score only chose the candidates.
    int n = drainResults(scoreCodes ? query : null);
    int m = Math.min(k, n);
    int[] ords = new int[m];
    float[] scores = new float[m];
    for (int i = 0; i < m; i++) {
      long key = keys[n - 1 - i];
      ords[i] = TopKHeap.ord(key);
      scores[i] = TopKHeap.score(key);
    }
    return SearchResult.of(excludeOrd, ords, scores, m, scored);
  }

  /**
   * The beam search of an insert: the best {@code ef} nodes on {@code level} from {@code entry} (a
   * packed key), deleted ones included, {@code node} itself excluded (a concurrent insert may already
   * have linked to it). Read them with {@link #sortedResults} and {@link #resultKeys}.
   */
  void searchForInsert(float[] query, long entry, int ef, int level, int node) {
    accept(OrdFilter.ALL, node, false, false);
    searchLevel(query, entry, ef, level);
  }

  /** Greedy walk on one level from {@code entry} (a packed key); the packed key of the local optimum. */
  long greedy(float[] query, long entry, int level) {
    int current = TopKHeap.ord(entry);
    float currentScore = TopKHeap.score(entry);
    boolean changed = true;
    while (changed) {
      changed = false;
      int[] friends = graph.friends(current, level);
      for (int i = 1, count = friends[0]; i <= count; i++) {
        int friendOrd = friends[i];
        float score = similarity(query, friendOrd);
        if (score > currentScore || (score == currentScore && friendOrd < current)) {
          current = friendOrd;
          currentScore = score;
          changed = true;
        }
      }
    }
    return TopKHeap.key(currentScore, current);
  }

  /**
   * Moves the results of the last search into {@link #resultKeys}, ascending (worst first).
   *
   * @return how many
   */
  int sortedResults() {
    return drainResults(null);
  }

  /** Pops the results into {@link #keys}, rescored by float similarity to {@code rescore} if not null. */
  private int drainResults(float[] rescore) {
    int n = results.size();
    if (keys.length < n) {
      keys = new long[Math.max(n, keys.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      long key = results.popWorst();
      if (rescore != null) {
        int node = TopKHeap.ord(key);
        key = TopKHeap.key(similarity(rescore, node), node);
      }
      keys[i] = key;
    }
    Arrays.sort(keys, 0, n);
    return n;
  }

  /** The buffer {@link #sortedResults} fills; valid until the next search. */
  long[] resultKeys() {
    return keys;
  }

  private void accept(OrdFilter filter, int excludeOrd, boolean liveOnly, boolean scoreCodes) {
    this.filter = filter;
    this.excludeOrd = excludeOrd;
    this.liveOnly = liveOnly;
    this.scoreCodes = scoreCodes;
  }

  /**
   * Beam search on one level (paper algorithm 2) from {@code entry}: leaves the best {@code ef}
   * accepted nodes in {@link #results}.
   *
   * @return number of nodes scored
   */
  private int searchLevel(float[] query, long entry, int ef, int level) {
    prepareVisited();
    candidates.clear(0);
    results.clear(ef);
    int entryOrd = TopKHeap.ord(entry);
    long entryKey = scoreCodes ? TopKHeap.key(score(query, entryOrd), entryOrd) : entry;
    visit(entryOrd);
    candidates.offer(entryKey);
    if (accepted(entryOrd)) {
      results.offer(entryKey);
    }
    int scored = 1;
    while (candidates.size() > 0) {
      long candidate = candidates.popBest();
      if (results.isFull() && TopKHeap.score(candidate) < TopKHeap.score(results.worstKey())) {
        break; // the best candidate left cannot improve the results
      }
      int[] friends = graph.friends(TopKHeap.ord(candidate), level);
      for (int i = 1, count = friends[0]; i <= count; i++) {
        int friendOrd = friends[i];
        if (!visit(friendOrd)) {
          continue;
        }
        float score = score(query, friendOrd);
        scored++;
        long key = TopKHeap.key(score, friendOrd);
        if (!results.isFull() || key > results.worstKey()) {
          candidates.offer(key);
          if (accepted(friendOrd)) {
            results.offer(key);
          }
        }
      }
    }
    return scored;
  }

  private float score(float[] query, int node) {
    return scoreCodes
        ? codes.score(queryCodes, quantConstants[0], quantConstants[1], node)
        : similarity(query, node);
  }

  private boolean accepted(int node) {
    return node != excludeOrd && (!liveOnly || !tombstones.isDeleted(node)) && filter.accept(node);
  }

  private void prepareVisited() {
    int n = graph.nodeCount();
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
}
