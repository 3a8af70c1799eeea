package org.papermap.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A binary tree over topics: the merges of average-linkage agglomerative clustering (UPGMA) of topic
 * vectors under cosine distance {@code 1 − cos}, in SciPy's linkage convention. Leaves {@code
 * 0..k-1} are topic ids; merge {@code i} creates node {@code k + i}; merges are in non-decreasing
 * distance.
 *
 * <p>Built with the nearest-neighbour-chain algorithm (Murtagh 1983; Müllner 2011, "Modern
 * hierarchical, agglomerative clustering algorithms", arXiv:1109.2378): O(k²) time and memory,
 * exact for average linkage. Ties go to the lower index, so the tree is deterministic.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class TopicHierarchy {
  /**
   * One merge.
   *
   * @param left the lower node id merged
   * @param right the higher node id merged
   * @param distance the average cosine distance between the two groups' topics, in [0, 2]
   * @param size number of topics under the new node
   */
  public record Merge(int left, int right, double distance, int size) {}

  private final int leafCount;
  private final List<Merge> merges;

  private TopicHierarchy(int leafCount, List<Merge> merges) {
    this.leafCount = leafCount;
    this.merges = List.copyOf(merges);
  }

  /**
   * Average linkage of {@code k} items from a symmetric distance matrix (only {@code d[i][j], i != j},
   * is read; the array is not modified).
   *
   * @throws IllegalArgumentException if the matrix is not square or holds a non-finite value
   */
  public static TopicHierarchy averageLinkage(double[][] distances) {
    Objects.requireNonNull(distances, "distances");
    int k = distances.length;
    double[][] d = new double[k][];
    for (int i = 0; i < k; i++) {
      if (distances[i] == null || distances[i].length != k) {
        throw new IllegalArgumentException("distances must be a " + k + "×" + k + " matrix; row " + i + " differs");
      }
      d[i] = distances[i].clone();
      for (int j = 0; j < k; j++) {
        if (i != j && !Double.isFinite(d[i][j])) {
          throw new IllegalArgumentException("distances[" + i + "][" + j + "] is not finite: " + d[i][j]);
        }
      }
    }
    return new TopicHierarchy(k, inOrder(k, nnChain(d)));
  }

  /** Raw merges {slotA, slotB, distance} in discovery order; slots are reused for merged groups. */
  private static List<double[]> nnChain(double[][] d) {
    int k = d.length;
    int[] size = new int[k];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[k];
    Arrays.fill(active, true);
    int[] chain = new int[k];
    int chainLen = 0;
    List<double[]> raw = new ArrayList<>();
    for (int remaining = k; remaining > 1; ) {
      if (chainLen == 0) {
        for (int i = 0; i < k; i++) {
          if (active[i]) {
            chain[chainLen++] = i;
            break;
          }
        }
      }
      int a = chain[chainLen - 1];
      int prev = chainLen >= 2 ? chain[chainLen - 2] : -1;
      int b = prev;
      double best = prev >= 0 ? d[a][prev] : Double.POSITIVE_INFINITY;
      for (int x = 0; x < k; x++) {
        if (active[x] && x != a && d[a][x] < best) {
          best = d[a][x];
          b = x;
        }
      }
      if (b == prev && prev >= 0) {
        chainLen -= 2;
        int keep = Math.min(a, b);
        int drop = Math.max(a, b);
        raw.add(new double[] {a, b, best});
        for (int x = 0; x < k; x++) {
          if (active[x] && x != a && x != b) {
            double merged = (size[a] * d[a][x] + size[b] * d[b][x]) / (size[a] + size[b]);
            d[keep][x] = merged;
            d[x][keep] = merged;
          }
        }
        size[keep] = size[a] + size[b];
        active[drop] = false;
        remaining--;
      } else {
        chain[chainLen++] = b;
      }
    }
    return raw;
  }

  /** Sorts raw merges by distance and names the nodes as SciPy does. */
  private static List<Merge> inOrder(int k, List<double[]> raw) {
    Integer[] order = new Integer[raw.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(raw.get(x)[2], raw.get(y)[2]));
    int[] parent = new int[k];
    int[] node = new int[k];
    int[] leaves = new int[k];
    for (int i = 0; i < k; i++) {
      parent[i] = i;
      node[i] = i;
      leaves[i] = 1;
    }
    List<Merge> merges = new ArrayList<>(raw.size());
    for (int i = 0; i < order.length; i++) {
      double[] m = raw.get(order[i]);
      int ra = find(parent, (int) m[0]);
      int rb = find(parent, (int) m[1]);
      int left = Math.min(node[ra], node[rb]);
      int right = Math.max(node[ra], node[rb]);
      int size = leaves[ra] + leaves[rb];
      merges.add(new Merge(left, right, m[2], size));
      parent[rb] = ra;
      node[ra] = k + i;
      leaves[ra] = size;
    }
    return merges;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Number of leaves (topics). */
  public int leafCount() {
    return leafCount;
  }

  /** The merges, in non-decreasing distance ({@code leafCount − 1} of them, none for one topic). */
  public List<Merge> merges() {
    return merges;
  }

  /**
   * Cuts the tree into {@code groups} groups by undoing the last merges.
   *
   * @return for each leaf (topic) its group {@code 0..groups-1}, groups numbered by their lowest topic
   * @throws IllegalArgumentException if {@code groups} is not in [1, leafCount]
   */
  public int[] cut(int groups) {
    if (groups < 1 || groups > Math.max(1, leafCount)) {
      throw new IllegalArgumentException("groups must be in [1, " + leafCount + "], got " + groups);
    }
    int[] parent = new int[leafCount];
    for (int i = 0; i < leafCount; i++) {
      parent[i] = i;
    }
    int[] repOfNode = new int[2 * leafCount];
    for (int i = 0; i < leafCount; i++) {
      repOfNode[i] = i;
    }
    for (int i = 0; i < leafCount - groups; i++) {
      Merge m = merges.get(i);
      int ra = find(parent, repOfNode[m.left()]);
      int rb = find(parent, repOfNode[m.right()]);
      parent[rb] = ra;
      repOfNode[leafCount + i] = ra;
    }
    int[] groupOfRoot = new int[leafCount];
    Arrays.fill(groupOfRoot, -1);
    int[] out = new int[leafCount];
    int next = 0;
    for (int leaf = 0; leaf < leafCount; leaf++) {
      int r = find(parent, leaf);
      if (groupOfRoot[r] < 0) {
        groupOfRoot[r] = next++;
      }
      out[leaf] = groupOfRoot[r];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicHierarchy h && leafCount == h.leafCount && merges.equals(h.merges);
  }

  @Override
  public int hashCode() {
    return 31 * leafCount + merges.hashCode();
  }

  @Override
  public String toString() {
    return "TopicHierarchy[leaves=" + leafCount + ", merges=" + merges.size() + "]";
  }
}
