package org.papermap.bench;

import java.util.List;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.vector.DenseVectors;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The same HDBSCAN run in PaperMap and in the Java peers, with matching parameters: our {@code
 * minSamples} is the m-th nearest other point (the Python library's definition); Tribuo's {@code k} and
 * Smile's {@code minPoints} count the point itself, so both get {@code minSamples + 1}. Labels come
 * back with -1 for noise (Tribuo labels noise 0 and clusters from 1; Smile labels noise
 * Integer.MAX_VALUE).
 *
 * <p>Thread-safety: static helpers.
 */
final class HdbscanPeers {
  private HdbscanPeers() {}

  static Hdbscan.Options papermapOptions(int minClusterSize, int minSamples, MstAlgorithm mst, int parallelism) {
    return Hdbscan.Options.builder().minClusterSize(minClusterSize).minSamples(minSamples)
        .metric(ClusterMetric.EUCLIDEAN).mstAlgorithm(mst).parallelism(parallelism).build();
  }

  static int[] papermap(DenseVectors v, int minClusterSize, int minSamples, MstAlgorithm mst, int parallelism) {
    return Hdbscan.fit(v, papermapOptions(minClusterSize, minSamples, mst, parallelism)).labels();
  }

  /** The rows as a Tribuo dataset (built outside any timed region). */
  static MutableDataset<ClusterID> tribuoDataset(double[][] x) {
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("bench", factory), factory);
    String[] names = new String[x[0].length];
    for (int j = 0; j < names.length; j++) {
      names[j] = String.format("f%03d", j);
    }
    for (double[] row : x) {
      ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    return ds;
  }

  static int[] tribuo(MutableDataset<ClusterID> ds, int minClusterSize, int minSamples, int threads) {
    HdbscanTrainer t = new HdbscanTrainer(
        minClusterSize, new L2Distance(), minSamples + 1, threads, NeighboursQueryFactoryType.BRUTE_FORCE);
    HdbscanModel m = t.train(ds);
    List<Integer> labels = m.getClusterLabels();
    int[] out = new int[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels.get(i) == 0 ? -1 : labels.get(i) - 1;
    }
    return out;
  }

  /**
   * Smile's selection recurses once per dendrogram level and overflows the default thread stack on
   * real LSA data (n = 5,000 already), so it runs on a thread with a 2 GB stack.
   */
  static int[] smile(double[][] x, int minClusterSize, int minSamples) {
    int[][] labels = new int[1][];
    RuntimeException[] failure = new RuntimeException[1];
    Thread t = new Thread(null, () -> {
      try {
        labels[0] = smile.clustering.HDBSCAN.fit(x, minSamples + 1, minClusterSize).group().clone();
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "smile-hdbscan", 2L << 30);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Smile was clustering", e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    if (labels[0] == null) {
      throw new IllegalStateException("Smile's HDBSCAN failed (see the thread's stack trace above)");
    }
    int[] out = labels[0];
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == Integer.MAX_VALUE ? -1 : out[i];
    }
    return out;
  }
}
