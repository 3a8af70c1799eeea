package org.papermap.cluster;

import java.util.SplittableRandom;
import org.papermap.vector.DenseVectors;

/** Seeded synthetic data for clustering tests. */
final class ClusterTestData {
  private ClusterTestData() {}

  /**
   * {@code perCentre} Gaussian points (sd {@code spread}) around each of {@code centres} random centres
   * in {@code [-10, 10]^dim}, then {@code noise} uniform points in the same box.
   */
  static double[][] blobs(long seed, int centres, int perCentre, int dim, double spread, int noise) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] c = new double[centres][dim];
    for (double[] x : c) {
      for (int j = 0; j < dim; j++) {
        x[j] = r.nextDouble(-10, 10);
      }
    }
    double[][] out = new double[centres * perCentre + noise][dim];
    int i = 0;
    for (double[] centre : c) {
      for (int p = 0; p < perCentre; p++, i++) {
        for (int j = 0; j < dim; j++) {
          out[i][j] = centre[j] + spread * r.nextGaussian();
        }
      }
    }
    for (; i < out.length; i++) {
      for (int j = 0; j < dim; j++) {
        out[i][j] = r.nextDouble(-10, 10);
      }
    }
    return out;
  }

  static DenseVectors floats(double[][] x) {
    float[][] f = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      f[i] = new float[x[i].length];
      for (int j = 0; j < f[i].length; j++) {
        f[i][j] = (float) x[i][j];
      }
    }
    return DenseVectors.of(f);
  }

  /** The true blob of each point of {@link #blobs} (noise points get -1). */
  static int[] truth(int centres, int perCentre, int noise) {
    int[] t = new int[centres * perCentre + noise];
    for (int i = 0; i < t.length; i++) {
      t[i] = i < centres * perCentre ? i / perCentre : -1;
    }
    return t;
  }
}
