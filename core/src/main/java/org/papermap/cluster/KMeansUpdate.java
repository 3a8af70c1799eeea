package org.papermap.cluster;

import java.util.Arrays;
import java.util.List;
import org.papermap.internal.Parallel;

/**
 * The update step of k-means: each centroid becomes the mean of its points (re-normalized for COSINE).
 *
 * <p>The per-cluster sums are kept in double between iterations and updated with the points that changed
 * cluster (subtracted from the old sum, added to the new, in ascending point order), so a late iteration
 * where few points move costs little; only the clusters that changed are re-divided. When more than half
 * the points moved, or on the first update, the sums are rebuilt: dense points are streamed once in index
 * order into all {@code k} sums (the workers split the dimensions), sparse points are grouped by label
 * and each cluster is summed by one worker. Every coordinate of a sum thus sees its terms in a fixed order:
 * the centroids depend neither on the thread count nor on the assignment algorithm. When {@code k · d}
 * sums would exceed {@link #MAX_KEPT_SUMS} doubles, they are not kept and every update rebuilds them
 * cluster by cluster.
 *
 * <p>An empty cluster is re-seeded as scikit-learn's {@code _relocate_empty_clusters} does: the points
 * farthest from their centroids (largest first, the lower index on a tie) move to the empty clusters (in
 * index order), leaving their old cluster's sum; labels stay until the next assignment. A point is not
 * taken from a cluster it is alone in.
 *
 * <p>Thread-safety: not thread-safe; one instance per restart.
 */
final class KMeansUpdate {
  /** Largest {@code k · d} for which the sums are kept between iterations (128 MiB). */
  static final long MAX_KEPT_SUMS = 1L << 24;

  private final KMeansPoints points;
  private final KMeansExecution exec;
  private final int k;
  private final int[] counts;
  private final int[] start;
  private final int[] order;
  private final boolean[] changed;
  /** Per-cluster sums kept between iterations, or null (then per-worker scratch rows). */
  private final double[][] sums;
  private final List<double[]> scratch;
  private int[] lastGroups;
  private double[] distances;
  /** Whether the last update moved points to empty clusters (its groups then differ from the labels). */
  private boolean relocated;

  KMeansUpdate(KMeansPoints points, KMeansExecution exec, int k) {
    this.points = points;
    this.exec = exec;
    this.k = k;
    counts = new int[k];
    start = new int[k + 1];
    order = new int[points.size()];
    changed = new boolean[k];
    boolean keep = (long) k * points.dimension() <= MAX_KEPT_SUMS;
    sums = keep ? new double[k][points.dimension()] : null;
    scratch = keep ? null : Parallel.perWorker(exec.parallelism, w -> new double[points.dimension()]);
  }

  /**
   * Writes into {@code next} the centroids of {@code labels} and into {@code shifts[c]} the computed
   * distance centroid {@code c} moved from {@code current}; returns the total squared shift.
   */
  double update(
      int[] labels, KMeansCentroids current, KMeansCentroids next, KMeansAssignment assignment, double[] shifts) {
    int[] groups = relocateEmptyClusters(labels, current, assignment);
    relocated = groups != labels;
    if (sums == null) {
      rebuildByCluster(groups, current, next);
    } else {
      int moved = markChanges(groups);
      if (moved < 0 || moved > groups.length / 2) {
        Arrays.fill(changed, true);
        rebuildKeptSums(groups);
      } else {
        applyMoves(groups);
      }
      exec.forRange(
          k, 1,
          (worker, from, to) -> {
            for (int c = from; c < to; c++) {
              if (changed[c]) {
                meanOf(c, sums[c], current, next);
              }
            }
          });
      if (lastGroups == null) {
        lastGroups = new int[groups.length];
      }
      System.arraycopy(groups, 0, lastGroups, 0, groups.length);
    }
    next.refreshFrom(current, changed);
    double total = 0;
    for (int c = 0; c < k; c++) {
      shifts[c] = changed[c] ? current.distance(c, next, c) : 0.0;
      total += shifts[c] * shifts[c];
    }
    return total;
  }

  /**
   * Whether the last {@link #update} moved points to empty clusters: its centroids then belong to groups
   * that differ from the labels it was given, so those labels are not the final ones.
   */
  boolean relocated() {
    return relocated;
  }

  /** The labels, or a copy where the farthest points moved to the empty clusters; fills {@link #counts}. */
  private int[] relocateEmptyClusters(int[] labels, KMeansCentroids current, KMeansAssignment assignment) {
    Arrays.fill(counts, 0);
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
    }
    return groups;
  }

  /** Flags the clusters that gained or lost a point since the last update; returns how many points moved, or -1 on the first update. */
  private int markChanges(int[] groups) {
    if (lastGroups == null) {
      return -1;
    }
    Arrays.fill(changed, false);
    int moved = 0;
    for (int i = 0; i < groups.length; i++) {
      if (groups[i] != lastGroups[i]) {
        changed[groups[i]] = true;
        changed[lastGroups[i]] = true;
        moved++;
      }
    }
    return moved;
  }

  /** Moves each changed point's coordinates from its old sum to its new one, in ascending point order. */
  private void applyMoves(int[] groups) {
    if (points.supportsPointDistances()) {
      forDimensionRanges(
          (from, to) -> {
            for (int i = 0; i < groups.length; i++) {
              if (groups[i] != lastGroups[i]) {
                points.addTo(i, sums[lastGroups[i]], from, to, -1.0);
                points.addTo(i, sums[groups[i]], from, to, 1.0);
              }
            }
          });
    } else {
      for (int i = 0; i < groups.length; i++) {
        if (groups[i] != lastGroups[i]) {
          points.addTo(i, sums[lastGroups[i]], -1.0);
          points.addTo(i, sums[groups[i]], 1.0);
        }
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        Arrays.fill(sums[c], 0.0); // no rounding residue in an empty cluster
      }
    }
  }

  /** Rebuilds the kept sums from scratch. */
  private void rebuildKeptSums(int[] groups) {
    if (points.supportsPointDistances()) {
      forDimensionRanges(
          (from, to) -> {
            for (double[] s : sums) {
              Arrays.fill(s, from, to, 0.0);
            }
            for (int i = 0; i < groups.length; i++) {
              points.addTo(i, sums[groups[i]], from, to, 1.0);
            }
          });
    } else {
      groupByLabel(groups);
      exec.forRange(
          k, 1,
          (worker, from, to) -> {
            for (int c = from; c < to; c++) {
              sumOfMembers(c, sums[c]);
            }
          });
    }
  }

  /** Without kept sums: every centroid from a fresh sum of its members. */
  private void rebuildByCluster(int[] groups, KMeansCentroids current, KMeansCentroids next) {
    Arrays.fill(changed, true);
    groupByLabel(groups);
    exec.forRange(
        k, 1,
        (worker, from, to) -> {
          for (int c = from; c < to; c++) {
            meanOf(c, sumOfMembers(c, scratch.get(worker)), current, next);
          }
        });
  }

  @FunctionalInterface
  private interface DimensionTask {
    void run(int from, int to);
  }

  /** Runs {@code task} on ranges of dimensions, one per worker. */
  private void forDimensionRanges(DimensionTask task) {
    int d = points.dimension();
    int block = Math.max(8, (d + exec.parallelism - 1) / exec.parallelism);
    exec.forRange(d, block, (worker, from, to) -> task.run(from, to));
  }

  /** Counting sort of the point indices by group: members of {@code c} are {@code order[start[c]..start[c+1])}. */
  private void groupByLabel(int[] groups) {
    Arrays.fill(start, 0);
    for (int g : groups) {
      start[g + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] cursor = Arrays.copyOf(start, k);
    for (int i = 0; i < groups.length; i++) {
      order[cursor[groups[i]]++] = i;
    }
  }

  /** The sum of cluster {@code c}'s members, in index order, into {@code sum}. */
  private double[] sumOfMembers(int c, double[] sum) {
    Arrays.fill(sum, 0.0);
    for (int m = start[c]; m < start[c + 1]; m++) {
      points.addTo(order[m], sum, 1.0);
    }
    return sum;
  }

  private void meanOf(int c, double[] sum, KMeansCentroids current, KMeansCentroids next) {
    float[] out = next.rows[c];
    if (counts[c] == 0) {
      System.arraycopy(current.rows[c], 0, out, 0, out.length); // still empty: keep it where it was
      return;
    }
    double divisor;
    if (points.metric() == ClusterMetric.COSINE) {
      double norm = 0;
      for (double s : sum) {
        norm += s * s;
      }
      divisor = norm == 0 ? 1 : Math.sqrt(norm);
    } else {
      divisor = counts[c];
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (sum[j] / divisor);
    }
  }
}
