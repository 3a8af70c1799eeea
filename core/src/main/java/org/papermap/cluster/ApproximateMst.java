package org.papermap.cluster;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;

/**
 * Approximate minimum spanning tree of the mutual-reachability graph for large n: the minimum spanning
 * forest of the k-nearest-neighbour graph (Kruskal over its {@code n·k} edges, equal weights by plain
 * distance then edge
 * number), then exact reconnection: while the forest has several components, every component but the
 * largest finds its shortest mutual-reachability edge to any point outside it by a full scan, and
 * those edges join the forest (Borůvka rounds). The reconnecting edges are exact, so the tree equals
 * the exact one whenever the k-NN graph holds the exact tree's edges (always when k = n − 1).
 *
 * <p>Cost: {@code O(n·k log(n·k))} for the forest plus, per round, (points outside the largest
 * component) × n distance evaluations: cheap while the k-NN graph is nearly connected.
 *
 * <p>Thread-safety: stateless; each call owns its arrays. Results do not depend on the thread count.
 */
final class ApproximateMst {
  private ApproximateMst() {}

  static SpanningTree build(
      MetricSpace space, double[] core, Neighbours knn, double alpha, int parallelism, Executor executor) {
    int n = space.size();
    Forest forest = new Forest(n);
    kruskal(core, knn, alpha, forest);
    while (forest.edges < n - 1) {
      reconnect(space, core, alpha, forest, parallelism, executor);
    }
    return new SpanningTree(forest.from, forest.to, forest.weight, forest.plain);
  }

  private static double mutualReachability(double coreA, double coreB, double distance, double alpha) {
    return Math.max(Math.max(coreA, coreB), alpha == 1.0 ? distance : distance / alpha);
  }

  private static void kruskal(double[] core, Neighbours knn, double alpha, Forest forest) {
    int k = knn.k();
    int[] ords = knn.ordsArray();
    double[] dist = knn.distancesArray();
    double[] w = new double[ords.length];
    double[] plain = new double[ords.length];
    for (int e = 0; e < ords.length; e++) {
      plain[e] = alpha == 1.0 ? dist[e] : dist[e] / alpha;
      w[e] = mutualReachability(core[e / k], core[ords[e]], dist[e], alpha);
    }
    for (int e : IndexSort.ascending(w, plain)) {
      forest.join(e / k, ords[e], w[e], plain[e]);
    }
  }

  /** One Borůvka round over the components other than the largest. */
  private static void reconnect(
      MetricSpace space, double[] core, double alpha, Forest forest, int parallelism, Executor executor) {
    int n = space.size();
    int[] comp = new int[n];
    int[] compSize = new int[n];
    for (int i = 0; i < n; i++) {
      comp[i] = forest.find(i);
      compSize[comp[i]]++;
    }
    int largest = 0;
    for (int i = 1; i < n; i++) {
      if (compSize[i] > compSize[largest]) {
        largest = i;
      }
    }
    int[] sources = new int[n - compSize[largest]];
    int s = 0;
    for (int i = 0; i < n; i++) {
      if (comp[i] != largest) {
        sources[s++] = i;
      }
    }
    double[] bestW = new double[sources.length];
    double[] bestD = new double[sources.length];
    int[] bestTo = new int[sources.length];
    Parallel.forRange(sources.length, 8, parallelism, executor, (w, from, to) -> {
      for (int q = from; q < to; q++) {
        int a = sources[q];
        double min = Double.POSITIVE_INFINITY;
        double minD = Double.POSITIVE_INFINITY;
        int arg = -1;
        for (int b = 0; b < n; b++) {
          if (comp[b] == comp[a] || Math.max(core[a], core[b]) > min) {
            continue;
          }
          double d = space.distance(a, b);
          double plain = alpha == 1.0 ? d : d / alpha;
          double wgt = mutualReachability(core[a], core[b], d, alpha);
          if (wgt < min || (wgt == min && (plain < minD || (plain == minD && b < arg)))) {
            min = wgt;
            minD = plain;
            arg = b;
          }
        }
        bestW[q] = min;
        bestD[q] = minD;
        bestTo[q] = arg;
      }
    });
    // Per component, its shortest outgoing edge by (weight, plain distance), then the lowest source ord.
    int[] pick = new int[n];
    Arrays.fill(pick, -1);
    for (int q = 0; q < sources.length; q++) {
      int c = comp[sources[q]];
      int p = pick[c];
      if (p < 0 || bestW[q] < bestW[p] || (bestW[q] == bestW[p] && bestD[q] < bestD[p])) {
        pick[c] = q;
      }
    }
    int m = 0;
    int[] picked = new int[n];
    for (int c = 0; c < n; c++) {
      if (pick[c] >= 0) {
        picked[m++] = pick[c];
      }
    }
    double[] w = new double[m];
    double[] plain = new double[m];
    for (int i = 0; i < m; i++) {
      w[i] = bestW[picked[i]];
      plain[i] = bestD[picked[i]];
    }
    for (int i : IndexSort.ascending(w, plain)) {
      int q = picked[i];
      forest.join(sources[q], bestTo[q], bestW[q], bestD[q]);
    }
  }

  /** A spanning forest under construction: union-find plus the edges taken so far. */
  private static final class Forest {
    final int[] from;
    final int[] to;
    final double[] weight;
    final double[] plain;
    final int[] parent;
    int edges;

    Forest(int n) {
      from = new int[n - 1];
      to = new int[n - 1];
      weight = new double[n - 1];
      plain = new double[n - 1];
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void join(int a, int b, double w, double d) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
      from[edges] = a;
      to[edges] = b;
      weight[edges] = w;
      plain[edges] = d;
      edges++;
    }
  }
}
