package org.papermap.cluster;

import java.util.List;
import org.papermap.internal.Parallel;

/**
 * The update step of k-means: each centroid becomes the mean of its points (re-normalized for COSINE).
 *
 * <p>Points are grouped by label with a counting sort, and each centroid is summed by one worker in
 * ascending point order, in double: the sums, hence the centroids, do not depend on the thread count or
 * on the assignment algorithm. An empty cluster is re-seeded as scikit-learn's {@code
 * _relocate_empty_clusters} does: the points farthest from their centroids (largest first, the lower index
 * on a tie) move to the empty clusters (in index order), leaving their old cluster's sum; labels stay
 * until the next assignment. A point is not taken from a cluster it is alone in.
 *
 * <p>Thread-safety: not thread-safe; one instance per restart.
 */
final class KMeansUpdate {
  private final KMeansPoints points;
  private final KMeansExecution exec;
  private final int k;
  private final int[] counts;
  private final int[] start;
  private final int[] order;
  private final List<double[]> sums;
  private double[] distances;
  private int relocations;

  KMeansUpdate(KMeansPoints points, KMeansExecution exec, int k) {
    this.points = points;
    this.exec = exec;
    this.k = k;
    counts = new int[k];
    start = new int[k + 1];
    order = new int[points.size()];
    sums = Parallel.perWorker(exec.parallelism, w -> new double[points.dimension()]);
  }

  /** Empty clusters re-seeded so far. */
  int relocations() {
    return relocations;
  }

  /**
   * Writes into {@code next} the centroids of {@code labels} and into {@code shifts[c]} the computed
   * distance centroid {@code c} moved from {@code current}; returns the total squared shift.
   */
  double update(
      int[] labels, KMeansCentroids current, KMeansCentroids next, KMeansAssignment assignment, double[] shifts) {
    int[] groups = relocateEmptyClusters(labels, current, assignment);
    groupByLabel(groups);
    exec.forRange(
        k, 1,
        (worker, from, to) -> {
          for (int c = from; c < to; c++) {
            meanOf(c, sums.get(worker), current, next);
          }
        });
    next.refresh();
    double total = 0;
    for (int c = 0; c < k; c++) {
      shifts[c] = current.distance(c, next, c);
      total += shifts[c] * shifts[c];
    }
    return total;
  }

  /** The labels, or a copy where the farthest points moved to the empty clusters. */
  private int[] relocateEmptyClusters(int[] labels, KMeansCentroids current, KMeansAssignment assignment) {
    java.util.Arrays.fill(counts, 0);
    for (int l : labels) {
      counts[l]++;
    }
    int empty = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        empty++;
      }
    }
    if (empty == 0) {
      return labels;
    }
    int n = labels.length;
    if (distances == null) {
      distances = new double[n];
    }
    assignment.squaredDistancesToAssigned(current, labels, distances);
    int[] groups = labels.clone();
    boolean[] moved = new boolean[n];
    for (int c = 0; c < k; c++) {
      if (counts[c] != 0) {
        continue;
      }
      int far = -1;
      for (int i = 0; i < n; i++) {
        if (!moved[i] && counts[groups[i]] > 1 && (far < 0 || distances[i] > distances[far])) {
          far = i;
        }
      }
      if (far < 0) {
        break; // fewer distinct movable points than clusters: the rest stay empty
      }
      moved[far] = true;
      counts[groups[far]]--;
      groups[far] = c;
      counts[c] = 1;
      relocations++;
    }
    return groups;
  }

  /** Counting sort of the point indices by group: members of {@code c} are {@code order[start[c]..start[c+1])}. */
  private void groupByLabel(int[] groups) {
    java.util.Arrays.fill(start, 0);
    for (int g : groups) {
      start[g + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] next = counts; // reused as the insertion cursor
    System.arraycopy(start, 0, next, 0, k);
    for (int i = 0; i < groups.length; i++) {
      order[next[groups[i]]++] = i;
    }
  }

  private void meanOf(int c, double[] sum, KMeansCentroids current, KMeansCentroids next) {
    int from = start[c];
    int to = start[c + 1];
    float[] out = next.rows[c];
    if (from == to) {
      System.arraycopy(current.rows[c], 0, out, 0, out.length); // still empty: keep it where it was
      return;
    }
    java.util.Arrays.fill(sum, 0.0);
    for (int m = from; m < to; m++) {
      points.addTo(order[m], sum);
    }
    double divisor;
    if (points.metric() == ClusterMetric.COSINE) {
      double norm = 0;
      for (double s : sum) {
        norm += s * s;
      }
      divisor = norm == 0 ? 1 : Math.sqrt(norm);
    } else {
      divisor = to - from;
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (sum[j] / divisor);
    }
  }
}
