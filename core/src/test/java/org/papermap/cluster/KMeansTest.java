package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.KMeans.Algorithm;
import org.papermap.cluster.KMeans.Init;
import org.papermap.cluster.KMeans.Options;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/** Behaviour of {@link KMeans#fit} on small seeded data. */
class KMeansTest {

  private static Options.Builder options(int k, ClusterMetric metric) {
    return Options.builder().k(k).metric(metric).seed(7);
  }

  @Test
  void givenSeparatedBlobs_whenFitEuclidean_thenRecoversTheBlobsWithTheirMeansAsCentroids() {
    float[][] x = KMeansTestData.blobs(1, 4, 50, 3, 40);
    DenseVectors v = DenseVectors.of(x);

    KMeansResult r = KMeans.fit(v, options(4, ClusterMetric.EUCLIDEAN).build());

    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(KMeansTestData.blobLabels(4, 50), r.labels()), 0.0);
    assertTrue(r.converged());
    for (int c = 0; c < 4; c++) {
      assertEquals(50, r.size(c));
      double[] mean = new double[3];
      for (int i = 0; i < x.length; i++) {
        if (r.label(i) == c) {
          for (int j = 0; j < 3; j++) {
            mean[j] += x[i][j] / 50.0;
          }
        }
      }
      for (int j = 0; j < 3; j++) {
        assertEquals(mean[j], r.centroidValue(c, j), 1e-4);
      }
    }
  }

  @Test
  void givenDirectionsWithVaryingLengths_whenFitCosine_thenClustersByDirectionWithUnitCentroids() {
    float[][] x = KMeansTestData.blobs(2, 3, 40, 5, 30);
    for (int i = 0; i < x.length; i++) {
      float scale = 0.1f + (i % 7); // lengths must not matter
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = x[i][j] * scale + 0f;
      }
    }
    DenseVectors v = DenseVectors.of(x);

    KMeansResult r = KMeans.fit(v, options(3, ClusterMetric.COSINE).build());

    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(KMeansTestData.blobLabels(3, 40), r.labels()), 1e-12);
    for (int c = 0; c < 3; c++) {
      assertEquals(1.0, VectorUtil.dotProduct(r.centroid(c), r.centroid(c)), 1e-5);
    }
  }

  @Test
  void givenAFit_whenRecomputingTheObjectiveFromLabelsAndCentroids_thenItMatchesBothDefinitions() {
    DenseVectors v = DenseVectors.of(KMeansTestData.uniform(3, 200, 4, false));
    KMeansResult euclid = KMeans.fit(v, options(5, ClusterMetric.EUCLIDEAN).build());
    KMeansResult sphere = KMeans.fit(v, options(5, ClusterMetric.COSINE).build());

    double wcss = 0;
    double cosineLoss = 0;
    for (int i = 0; i < v.size(); i++) {
      float[] x = v.vector(i);
      float[] c = euclid.centroid(euclid.label(i));
      for (int j = 0; j < x.length; j++) {
        wcss += (x[j] - c[j]) * (double) (x[j] - c[j]);
      }
      cosineLoss += 1 - VectorUtil.cosine(x, sphere.centroid(sphere.label(i)));
    }

    assertEquals(wcss, euclid.objective(), 1e-6 * wcss);
    assertEquals(cosineLoss, sphere.objective(), 1e-5 * cosineLoss);
  }

  @Test
  void givenTrainingPoints_whenPredicted_thenEachGetsItsLabel() {
    float[][] x = KMeansTestData.uniform(4, 300, 6, false);
    x[5] = new float[6]; // a zero row
    DenseVectors dense = DenseVectors.of(x);
    SparseMatrix sparse = KMeansTestData.randomSparse(4, 300, 40, 6);

    for (ClusterMetric metric : ClusterMetric.values()) {
      KMeansResult d = KMeans.fit(dense, options(7, metric).nInit(2).build());
      KMeansResult s = KMeans.fit(sparse, options(7, metric).nInit(2).build());

      assertArrayEquals(d.labels(), d.predict(dense), metric + " dense batch");
      assertArrayEquals(s.labels(), s.predict(sparse), metric + " sparse batch");
      for (int i = 0; i < x.length; i += 7) {
        assertEquals(d.label(i), d.predict(x[i]), metric + " dense point " + i);
        assertEquals(s.label(i), s.predict(sparse.row(i)), metric + " sparse point " + i);
      }
    }
  }

  @Test
  void givenTopicDocuments_whenFitSparseAndDensified_thenSamePartitionAndObjective() {
    SparseMatrix m = KMeansTestData.topicDocs(5, 4, 30, 25, 12);
    DenseVectors d = KMeansTestData.densify(m);

    for (ClusterMetric metric : ClusterMetric.values()) {
      KMeansResult fromSparse = KMeans.fit(m, options(4, metric).nInit(3).build());
      KMeansResult fromDense = KMeans.fit(d, options(4, metric).nInit(3).build());

      assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(fromDense.labels(), fromSparse.labels()), 1e-12);
      assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(KMeansTestData.blobLabels(4, 30), fromSparse.labels()), 1e-12);
      assertEquals(fromDense.objective(), fromSparse.objective(), 1e-5 * fromDense.objective());
    }
  }

  @Test
  void givenRandomInitOnUnstructuredSparseData_whenFitSparseAndDensified_thenLloydFollowsTheSamePath() {
    // RANDOM seeding picks the same rows on both paths, so the iterations can be compared step by step.
    SparseMatrix m = KMeansTestData.randomSparse(6, 150, 30, 5);
    DenseVectors d = KMeansTestData.densify(m);
    for (ClusterMetric metric : ClusterMetric.values()) {
      Options o = options(6, metric).init(Init.RANDOM).nInit(3).build();

      KMeansResult fromSparse = KMeans.fit(m, o);
      KMeansResult fromDense = KMeans.fit(d, o);

      assertArrayEquals(fromDense.labels(), fromSparse.labels(), metric.name());
      assertEquals(fromDense.iterations(), fromSparse.iterations());
      assertEquals(fromDense.objective(), fromSparse.objective(), 1e-6 * fromDense.objective());
    }
  }

  @Test
  void givenMoreRestarts_whenFit_thenTheObjectiveIsNoWorseThanTheFirstRestartAlone() {
    DenseVectors v = DenseVectors.of(KMeansTestData.uniform(8, 400, 3, false));

    KMeansResult one = KMeans.fit(v, options(9, ClusterMetric.EUCLIDEAN).nInit(1).build());
    KMeansResult ten = KMeans.fit(v, options(9, ClusterMetric.EUCLIDEAN).nInit(10).build());

    assertEquals(0, one.bestRestart());
    assertTrue(ten.objective() <= one.objective(), ten.objective() + " > " + one.objective());
  }

  @Test
  void givenAHugeTolerance_whenFit_thenStopsAfterOneIterationWithLabelsOfTheFinalCentroids() {
    DenseVectors v = DenseVectors.of(KMeansTestData.uniform(9, 300, 3, false));

    KMeansResult r = KMeans.fit(v, options(6, ClusterMetric.EUCLIDEAN).tol(1e9).nInit(1).build());

    assertEquals(1, r.iterations());
    assertTrue(r.converged());
    assertArrayEquals(r.labels(), r.predict(v));
  }

  @Test
  void givenOneIterationAllowed_whenTheAssignmentStillMoves_thenNotConverged() {
    DenseVectors v = DenseVectors.of(KMeansTestData.uniform(10, 500, 2, false));

    KMeansResult r = KMeans.fit(v, options(12, ClusterMetric.EUCLIDEAN).tol(0).maxIter(1).nInit(1).build());

    assertEquals(1, r.iterations());
    assertFalse(r.converged());
    assertArrayEquals(r.labels(), r.predict(v));
  }

  @Test
  void givenKEqualToTheNumberOfDistinctPoints_whenFit_thenEveryPointIsItsOwnCluster() {
    float[][] x = {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {9, 1}};

    KMeansResult r = KMeans.fit(DenseVectors.of(x), options(5, ClusterMetric.EUCLIDEAN).build());

    assertEquals(0.0, r.objective(), 0.0);
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, r.sizes());
  }

  @Test
  void givenDuplicatesAndRandomInit_whenACentroidStartsOnADuplicate_thenTheEmptyClusterIsReseeded() {
    float[][] x = new float[10][];
    for (int i = 0; i < 8; i++) {
      x[i] = new float[] {0, 0};
    }
    x[8] = new float[] {5, 5};
    x[9] = new float[] {10, 10};
    DenseVectors v = DenseVectors.of(x);
    int[] natural = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2};

    for (long seed = 0; seed < 20; seed++) {
      KMeansResult r = KMeans.fit(v, options(3, ClusterMetric.EUCLIDEAN).init(Init.RANDOM).nInit(1).seed(seed).build());

      assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(natural, r.labels()), 1e-12, "seed " + seed);
    }
  }

  @Test
  void givenBlobs_whenFitMiniBatch_thenRecoversThemAndLabelsEveryPointByTheFinalCentroids() {
    float[][] x = KMeansTestData.blobs(11, 5, 400, 4, 60);
    DenseVectors v = DenseVectors.of(x);

    KMeansResult r =
        KMeans.fit(v, options(5, ClusterMetric.EUCLIDEAN).algorithm(Algorithm.MINI_BATCH).batchSize(100).nInit(3).build());

    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(KMeansTestData.blobLabels(5, 400), r.labels()), 1e-12);
    assertArrayEquals(r.labels(), r.predict(v));
    assertEquals(0, r.bestRestart());
  }

  @Test
  void givenMiniBatchOnTopicDocuments_whenFitSparse_thenRecoversTheTopics() {
    SparseMatrix m = KMeansTestData.topicDocs(12, 3, 300, 30, 15);

    KMeansResult r =
        KMeans.fit(m, options(3, ClusterMetric.COSINE).algorithm(Algorithm.MINI_BATCH).batchSize(64).build());

    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(KMeansTestData.blobLabels(3, 300), r.labels()), 1e-12);
  }

  @Test
  void givenMiniBatchAndFullBatch_whenFitOnTheSameBlobs_thenObjectivesAreClose() {
    DenseVectors v = DenseVectors.of(KMeansTestData.uniform(13, 3000, 5, false));

    KMeansResult full = KMeans.fit(v, options(8, ClusterMetric.EUCLIDEAN).build());
    KMeansResult mini = KMeans.fit(v, options(8, ClusterMetric.EUCLIDEAN).algorithm(Algorithm.MINI_BATCH).batchSize(256).build());

    assertTrue(mini.objective() <= 1.05 * full.objective(), mini.objective() + " vs " + full.objective());
  }
}
