package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.papermap.cluster.KMeans.Algorithm;
import org.papermap.cluster.KMeans.Init;
import org.papermap.cluster.KMeans.Options;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/** Invalid arguments are rejected with a message naming the parameter, the rule and the value. */
class KMeansArgumentsTest {
  private static final DenseVectors THREE = DenseVectors.of(new float[][] {{0, 1}, {1, 0}, {1, 1}});

  private static void rejects(String message, Supplier<?> call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void givenOutOfRangeOptions_whenBuilt_thenEachIsNamedInTheMessage() {
    rejects("k must be >= 1, got 0", () -> Options.builder().k(0).build());
    rejects("nInit must be >= 1, got 0", () -> Options.builder().nInit(0).build());
    rejects("maxIter must be >= 1, got -3", () -> Options.builder().maxIter(-3).build());
    rejects("batchSize must be >= 1, got 0", () -> Options.builder().batchSize(0).build());
    rejects("maxNoImprovement must be >= 1, got 0", () -> Options.builder().maxNoImprovement(0).build());
    rejects("tol must be finite and >= 0, got -1.0E-4", () -> Options.builder().tol(-1e-4).build());
    rejects("tol must be finite and >= 0, got NaN", () -> Options.builder().tol(Double.NaN).build());
    rejects("tol must be finite and >= 0, got Infinity", () -> Options.builder().tol(Double.POSITIVE_INFINITY).build());
    rejects("reassignmentRatio must be in [0, 1), got 1.0", () -> Options.builder().reassignmentRatio(1).build());
    rejects("parallelism must be in [1, 256], got 0", () -> Options.builder().parallelism(0).build());
    rejects("parallelism must be in [1, 256], got 257", () -> Options.builder().parallelism(257).build());
    NullPointerException npe = assertThrows(NullPointerException.class, () -> Options.builder().metric(null).build());
    assertEquals("metric", npe.getMessage());
  }

  @Test
  void givenMoreClustersThanPoints_whenFit_thenRejectedWithBothNumbers() {
    rejects("k must be <= the number of points n=3, got 4", () -> KMeans.fit(THREE, Options.ofK(4)));
    rejects("k must be <= the number of points n=3, got 5",
        () -> KMeans.fit(SparseMatrix.ofRows(2, SparseVector.empty(), SparseVector.empty(), SparseVector.empty()), Options.ofK(5)));
    rejects("cannot cluster 0 points", () -> KMeans.fit(DenseVectors.of(new float[0][]), Options.ofK(1)));
    assertEquals("vectors", assertThrows(NullPointerException.class, () -> KMeans.fit((DenseVectors) null, Options.ofK(1))).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class, () -> KMeans.fit(THREE, null)).getMessage());
  }

  @Test
  void givenAFit_whenPredictingVectorsOfAnotherDimension_thenRejected() {
    KMeansResult r = KMeans.fit(THREE, Options.ofK(2));

    rejects("vector: vector dimensions differ: 3!=2", () -> r.predict(new float[3]));
    rejects("vector: value at dimension 1 is not finite: NaN", () -> r.predict(new float[] {0, Float.NaN}));
    rejects("vectors: vector dimensions differ: 1!=2", () -> r.predict(DenseVectors.of(new float[][] {{1}})));
    rejects("rows: matrix has 5 columns, the centroids 2", () -> r.predict(SparseMatrix.ofRows(5, SparseVector.empty())));
    rejects("vector: index 7 is outside the dimension 2",
        () -> r.predict(SparseVector.of(new int[] {7}, new float[] {1})));
  }

  @Test
  void givenOptions_whenWrittenToAMapAndReadBack_thenEqualButForTheExecutor() {
    Options o =
        Options.builder().k(12).metric(ClusterMetric.EUCLIDEAN).algorithm(Algorithm.MINI_BATCH).init(Init.RANDOM)
            .nInit(3).maxIter(77).tol(0.5e-3).batchSize(300).maxNoImprovement(4).reassignmentRatio(0.02).seed(-9)
            .parallelism(2).build();

    Map<String, String> m = o.toMap();

    assertEquals(o, Options.fromMap(m));
    assertEquals("12", m.get("k"));
    assertNull(Options.fromMap(m).executor());
  }

  @Test
  void givenAMalformedMap_whenRead_thenTheKeyIsNamed() {
    Map<String, String> m = new java.util.LinkedHashMap<>(Options.ofK(3).toMap());
    m.remove("tol");
    rejects("malformed k-means options: option 'tol' is missing", () -> Options.fromMap(m));
    m.put("tol", "0");
    m.put("metric", "MANHATTAN");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.fromMap(m));
    assertEquals("malformed k-means options: No enum constant org.papermap.cluster.ClusterMetric.MANHATTAN", e.getMessage());
  }

  @Test
  void givenAResult_whenItsArraysAreChangedByTheCaller_thenTheResultIsNot() {
    KMeansResult r = KMeans.fit(THREE, Options.ofK(2));
    int[] labels = r.labels();
    float[] centroids = r.centroids();
    int before = r.label(0);

    labels[0] = 1 - labels[0];
    centroids[0] = 42f;
    r.centroid(0)[0] = 43f;

    assertEquals(before, r.label(0));
    assertNotEquals(42f, r.centroidValue(0, 0));
    assertNotEquals(43f, r.centroidValue(0, 0));
  }

  @Test
  void givenInconsistentParts_whenBuildingAResult_thenRejected() {
    Options o = Options.ofK(2);
    rejects("sizes must have k=2 entries, got 1",
        () -> new KMeansResult(new int[] {0, 1}, new int[] {1}, new float[4], 2, 2, 0, 1, true, 0, o));
    rejects("centroids must have k*dimension=4 values, got 3",
        () -> new KMeansResult(new int[] {0, 1}, new int[] {1, 1}, new float[3], 2, 2, 0, 1, true, 0, o));
    rejects("sizes must count the labels, each in [0, 2)",
        () -> new KMeansResult(new int[] {0, 0}, new int[] {1, 1}, new float[4], 2, 2, 0, 1, true, 0, o));
    rejects("labels[1] must be -1 (noise) or in [0, 2), got 2",
        () -> new KMeansResult(new int[] {0, 2}, new int[] {1, 1}, new float[4], 2, 2, 0, 1, true, 0, o));
    rejects("objective must be finite and >= 0, got NaN",
        () -> new KMeansResult(new int[] {0, 1}, new int[] {1, 1}, new float[4], 2, 2, Double.NaN, 1, true, 0, o));
  }

  @Test
  void givenTheSameInputs_whenFitTwice_thenEqualResults() {
    KMeansResult a = KMeans.fit(THREE, Options.ofK(2));
    KMeansResult b = KMeans.fit(THREE, Options.ofK(2));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertArrayEquals(a.sizes(), b.sizes());
    assertEquals(KMeans.DEFAULT_SEED, a.seed());
  }
}
