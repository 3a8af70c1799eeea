package org.papermap.index.hnsw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The layered neighbour lists of an HNSW graph, on the heap: for each node, one list per level from 0
 * to its top level, plus the entry point (a node on the highest level).
 *
 * <p>Layout: {@code lists[node][level] = {count, friend1, ..., friendCount}}. A list array is never
 * modified once published: a writer builds a new array and publishes it with release semantics
 * ({@link #setFriends}), readers take it with acquire semantics ({@link #friends}), so a search reads
 * a consistent list without locks while inserts rewrite others. Levels hold at most {@code maxConn(l)}
 * friends: {@code 2·m} on level 0, {@code m} above.
 *
 * <p>Thread-safety: any number of readers alongside inserts; node allocation and entry-point changes
 * are serialized internally. Rewriting one node's list is the caller's to serialize (see {@link
 * HnswBuilder}).
 */
final class HnswGraph {
  private static final VarHandle LIST = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final int[] EMPTY_LIST = {0};

  private final int m;
  private final Object growLock = new Object();
  private final Object entryLock = new Object();

  private volatile int[][][] lists = new int[16][][];
  private volatile int nodeCount;
  private volatile int entryNode = -1;
  private volatile int maxLevel = -1;

  /** An empty graph with at most {@code 2·m} friends per node on level 0 and {@code m} above. */
  HnswGraph(int m) {
    this.m = m;
  }

  /**
   * A graph of stored lists, checked against its capacity.
   *
   * @param levels top level of each node
   * @param friends friends[node][level] = friend ords of that node on that level
   * @throws IllegalArgumentException if a list is too long, names a node outside the graph or on a
   *     lower level, or the entry node is not on the top level
   */
  static HnswGraph of(int m, int[] levels, int[][][] friends, int entryNode) {
    int n = levels.length;
    if (friends.length != n) {
      throw new IllegalArgumentException("graph has " + n + " levels but " + friends.length + " nodes");
    }
    if (n > 0 ? (entryNode < 0 || entryNode >= n) : entryNode != -1) {
      throw new IllegalArgumentException("entryNode must be in [0, " + n + "), got " + entryNode);
    }
    HnswGraph g = new HnswGraph(m);
    int[][][] lists = new int[Math.max(16, n)][][];
    int top = -1;
    for (int node = 0; node < n; node++) {
      if (levels[node] < 0 || friends[node].length != levels[node] + 1) {
        throw new IllegalArgumentException("node " + node + ": level " + levels[node] + " does not match its lists");
      }
      lists[node] = new int[levels[node] + 1][];
      for (int l = 0; l <= levels[node]; l++) {
        int[] f = friends[node][l];
        if (f.length > g.maxConn(l)) {
          throw new IllegalArgumentException(
              "node " + node + " level " + l + " has " + f.length + " neighbours, more than " + g.maxConn(l));
        }
        int[] list = new int[f.length + 1];
        list[0] = f.length;
        for (int i = 0; i < f.length; i++) {
          if (f[i] < 0 || f[i] >= n || levels[f[i]] < l) {
            throw new IllegalArgumentException("node " + node + " level " + l + ": bad neighbour " + f[i]);
          }
          list[i + 1] = f[i];
        }
        lists[node][l] = list;
      }
      top = Math.max(top, levels[node]);
    }
    if (n > 0 && levels[entryNode] != top) {
      throw new IllegalArgumentException("entryNode " + entryNode + " is not on the top level " + top);
    }
    g.lists = lists;
    g.nodeCount = n;
    g.maxLevel = top;
    g.entryNode = entryNode;
    return g;
  }

  /** Friends allowed on {@code level}. */
  int maxConn(int level) {
    return level == 0 ? 2 * m : m;
  }

  int nodeCount() {
    return nodeCount;
  }

  /** The entry node, -1 when empty. */
  int entryNode() {
    return entryNode;
  }

  /** The highest level, -1 when empty. */
  int maxLevel() {
    return maxLevel;
  }

  /** The top level of {@code node}. */
  int level(int node) {
    return lists[node].length - 1;
  }

  /** {@code {count, friend1, ...}} of {@code node} on {@code level}; never modified, do not modify. */
  int[] friends(int node, int level) {
    return (int[]) LIST.getAcquire(lists[node], level);
  }

  /** Publishes a new list (same layout) for {@code node} on {@code level}. */
  void setFriends(int node, int level, int[] list) {
    LIST.setRelease(lists[node], level, list);
  }

  /** Gives {@code node} empty lists on levels {@code 0..level}; {@link #nodeCount} then covers it. */
  void addNode(int node, int level) {
    int[][] empty = new int[level + 1][];
    Arrays.fill(empty, EMPTY_LIST);
    synchronized (growLock) {
      int[][][] l = lists;
      if (node >= l.length) {
        l = Arrays.copyOf(l, Math.max(node + 1, l.length * 2));
      }
      l[node] = empty;
      lists = l;
      if (node >= nodeCount) {
        nodeCount = node + 1;
      }
    }
  }

  /**
   * The entry point to start an insert from, as {@code entryNode << 32 | maxLevel}; when the graph has
   * none, {@code node} becomes the entry point on {@code level} and -1 is returned.
   */
  long entryOrBecomeIt(int node, int level) {
    synchronized (entryLock) {
      if (entryNode < 0) {
        entryNode = node;
        maxLevel = level;
        return -1;
      }
      return ((long) entryNode << 32) | maxLevel;
    }
  }

  /** Makes {@code node} the entry point if {@code level} is above the highest level. */
  void promoteEntry(int node, int level) {
    synchronized (entryLock) {
      if (level > maxLevel) {
        maxLevel = level;
        entryNode = node;
      }
    }
  }
}
