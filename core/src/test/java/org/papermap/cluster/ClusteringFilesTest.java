package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.io.CorruptFileException;
import org.papermap.vector.DenseVectors;

/** {@link KMeansResultFile} and {@link HdbscanResultFile}: round trips, and damaged files refused by name. */
class ClusteringFilesTest {
  @TempDir Path tmp;

  private static final double[][] X = ClusterTestData.blobs(21, 4, 60, 5, 0.6, 30);
  private static final DenseVectors V = ClusterTestData.floats(X);

  private static KMeansResult kmeans() {
    return KMeans.fit(V, KMeans.Options.builder().k(4).nInit(3).seed(7).metric(ClusterMetric.COSINE).build());
  }

  private static HdbscanResult hdbscan() {
    return Hdbscan.fit(V, Hdbscan.Options.builder().minClusterSize(15).minSamples(5).build());
  }

  @Test
  void givenKMeansResult_whenSavedAndOpened_thenEqualAndPredictsTheSame() throws IOException {
    KMeansResult r = kmeans();
    Path f = tmp.resolve("km.bin");
    KMeansResultFile.save(r, f);

    KMeansResult back = KMeansResultFile.open(f);

    assertEquals(r, back);
    assertArrayEquals(r.labels(), back.labels());
    assertArrayEquals(r.sizes(), back.sizes());
    assertArrayEquals(r.centroids(), back.centroids());
    assertEquals(r.objective(), back.objective(), 0.0);
    assertArrayEquals(r.predict(V), back.predict(V));
    assertArrayEquals(r.labels(), back.predict(V));
    float[] q = {0.3f, -1f, 2f, 0.5f, 4f};
    assertEquals(r.predict(q), back.predict(q));
  }

  @Test
  void givenHdbscanResult_whenSavedAndOpened_thenEqualLabelsProbabilitiesScoresAndTree() throws IOException {
    HdbscanResult r = hdbscan();
    assertTrue(r.clusterCount() >= 2 && r.noiseCount() > 0, r.toString());
    Path f = tmp.resolve("hdb.bin");
    HdbscanResultFile.save(r, f);

    HdbscanResult back = HdbscanResultFile.open(f);

    assertEquals(r, back);
    assertArrayEquals(r.labels(), back.labels());
    assertArrayEquals(r.probabilities(), back.probabilities(), 0.0);
    assertArrayEquals(r.outlierScores(), back.outlierScores(), 0.0);
    assertEquals(r.condensedTree(), back.condensedTree());
    IOException e = assertThrows(IOException.class, () -> HdbscanResultFile.openPredictor(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("no vectors"), e.getMessage());
  }

  @Test
  void givenHdbscanResultWithVectors_whenOpenedAsPredictor_thenPredictsAsTheFit() throws IOException {
    HdbscanResult r = hdbscan();
    Path f = tmp.resolve("hdb.bin");
    HdbscanResultFile.save(r, V, f);
    HdbscanPredictor fresh = HdbscanPredictor.of(r, V);

    HdbscanPredictor opened = HdbscanResultFile.openPredictor(f);

    assertEquals(r, opened.result());
    assertEquals(fresh.approximatePredict(V), opened.approximatePredict(V));
    for (int i = 0; i < V.size(); i++) {
      assertEquals(new HdbscanPrediction(r.label(i), r.probability(i)), opened.approximatePredict(V.vector(i)));
    }
    float[] q = {1f, 2f, -3f, 0.5f, 0f};
    assertEquals(fresh.approximatePredict(q), opened.approximatePredict(q));
    assertArrayEquals(fresh.membershipVector(q), opened.membershipVector(q), 0.0);
    assertTrue(Arrays.deepEquals(fresh.allPointsMembershipVectors(), opened.allPointsMembershipVectors()));
  }

  @Test
  void givenFlippedByte_whenOpened_thenCorruptFileExceptionNamesTheFile() throws IOException {
    Path km = tmp.resolve("km.bin");
    KMeansResultFile.save(kmeans(), km);
    Path hdb = tmp.resolve("hdb.bin");
    HdbscanResultFile.save(hdbscan(), V, hdb);
    for (Path f : new Path[] {km, hdb}) {
      byte[] b = Files.readAllBytes(f);
      b[b.length / 2] ^= 0x10;
      Files.write(f, b);
    }

    CorruptFileException e1 = assertThrows(CorruptFileException.class, () -> KMeansResultFile.open(km));
    CorruptFileException e2 = assertThrows(CorruptFileException.class, () -> HdbscanResultFile.open(hdb));

    for (CorruptFileException e : new CorruptFileException[] {e1, e2}) {
      assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("checksum"), e.getMessage());
    }
    assertTrue(e1.getMessage().contains(km.toString()), e1.getMessage());
    assertTrue(e2.getMessage().contains(hdb.toString()), e2.getMessage());
  }

  @Test
  void givenTruncatedFile_whenOpened_thenCorruptFileExceptionNamesTheFile() throws IOException {
    Path km = tmp.resolve("km.bin");
    KMeansResultFile.save(kmeans(), km);
    Path hdb = tmp.resolve("hdb.bin");
    HdbscanResultFile.save(hdbscan(), hdb);
    for (Path f : new Path[] {km, hdb}) {
      byte[] b = Files.readAllBytes(f);
      Files.write(f, Arrays.copyOf(b, b.length - 20));
    }

    CorruptFileException e1 = assertThrows(CorruptFileException.class, () -> KMeansResultFile.open(km));
    CorruptFileException e2 = assertThrows(CorruptFileException.class, () -> HdbscanResultFile.open(hdb));

    assertTrue(e1.getMessage().contains(km.toString()), e1.getMessage());
    assertTrue(e2.getMessage().contains(hdb.toString()), e2.getMessage());
  }

  @Test
  void givenTheOtherAlgorithmsFile_whenOpened_thenCorruptFileExceptionNamesBothFormats() throws IOException {
    Path km = tmp.resolve("km.bin");
    KMeansResultFile.save(kmeans(), km);

    CorruptFileException e = assertThrows(CorruptFileException.class, () -> HdbscanResultFile.open(km));

    assertTrue(e.getMessage().contains(km.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("papermap.hdbscan-result") && e.getMessage().contains("papermap.kmeans-result"),
        e.getMessage());
  }

  @Test
  void givenVectorsOfAnotherSize_whenSaved_thenRefusedAndNothingWritten() {
    HdbscanResult r = hdbscan();
    Path f = tmp.resolve("hdb.bin");
    DenseVectors fewer = ClusterTestData.floats(Arrays.copyOf(X, X.length - 1));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HdbscanResultFile.save(r, fewer, f));

    assertTrue(e.getMessage().contains("vectors hold " + (X.length - 1)), e.getMessage());
    assertTrue(Files.notExists(f));
  }
}
