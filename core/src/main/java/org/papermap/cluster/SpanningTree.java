package org.papermap.cluster;

/**
 * The {@code n − 1} edges of a minimum spanning tree of the mutual-reachability graph, in the order
 * the algorithm produced them. Package-private stage record: the arrays are owned by whoever built
 * it and never modified afterwards.
 *
 * @param from one end of each edge (the tree side in Prim's order)
 * @param to the other end (the point added)
 * @param weight mutual-reachability distance of each edge
 * @param distance the plain distance of each edge, which breaks ties between equal weights
 */
record SpanningTree(int[] from, int[] to, double[] weight, double[] distance) {
  int edgeCount() {
    return weight.length;
  }

  /** Sum of the edge weights. */
  double totalWeight() {
    double s = 0;
    for (double w : weight) {
      s += w;
    }
    return s;
  }
}
