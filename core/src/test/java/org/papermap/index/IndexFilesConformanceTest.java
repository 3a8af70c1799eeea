package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswIndexFile;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

/**
 * Files written by every released format version must keep opening and answering the same: version 1
 * (release 0.1, its own header) and version 2 (the one codec of {@code org.papermap.io}). The expected hits
 * (query ord, then ord:score-bits) were recorded when the files were written; queries are the stored
 * vectors themselves, so the test does not depend on any data generator.
 */
class IndexFilesConformanceTest {
  private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden/index");

  private static Path golden(String name) throws URISyntaxException {
    return Path.of(IndexFilesConformanceTest.class.getResource("/golden/index/" + name).toURI());
  }

  private static String line(SearchResult r, int queryOrd) {
    StringBuilder sb = new StringBuilder().append(queryOrd);
    for (int i = 0; i < r.size(); i++) {
      sb.append(' ').append(r.ord(i)).append(':').append(String.format(Locale.ROOT, "%.7f", r.score(i)));
    }
    return sb.toString();
  }

  private static List<String> flatLines(FlatIndex index) {
    List<String> out = new ArrayList<>();
    float[] scratch = new float[index.dimension()];
    for (int q = 0; q < index.ordCount(); q += 5) {
      out.add(line(index.search(index.vectors().vector(q, scratch).clone(), 5, OrdFilter.ALL), q));
    }
    return out;
  }

  private static List<String> hnswLines(HnswIndex index) {
    List<String> out = new ArrayList<>();
    float[] scratch = new float[index.dimension()];
    for (int q = 0; q < index.ordCount(); q += 10) {
      out.add(line(index.search(index.vectors().vector(q, scratch).clone(), 5, OrdFilter.ALL), q));
    }
    return out;
  }

  private static List<String> sparseLines(SparseIndex index) {
    List<String> out = new ArrayList<>();
    for (int q = 0; q < index.ordCount(); q += 3) {
      out.add(line(index.search(index.docs().row(q), 5, OrdFilter.ALL), q));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void givenFilesOfEachVersion_whenOpened_thenSearchesMatchRecordedResults(String version) throws Exception {
    // Both versions were written from the same data, so they answer as recorded for version 1.
    FlatIndex flat = FlatIndexFile.open(golden(version + "-flat.bin"), IndexOptions.DEFAULT);
    assertSameHits(expected("v1-flat.expected.txt"), flatLines(flat));
    HnswIndex hnsw = HnswIndexFile.open(golden(version + "-hnsw.bin"), 1);
    assertSameHits(expected("v1-hnsw.expected.txt"), hnswLines(hnsw));
    SparseIndex sparse = SparseIndexFile.open(golden(version + "-sparse.bin"), IndexOptions.DEFAULT);
    assertSameHits(expected("v1-sparse.expected.txt"), sparseLines(sparse));
  }

  /** Same ords in the same order; scores within 1e-5 (SIMD lane width changes float summation order). */
  private static void assertSameHits(List<String> expected, List<String> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i).split(" ");
      String[] a = actual.get(i).split(" ");
      assertEquals(e.length, a.length, "line " + i);
      assertEquals(e[0], a[0]);
      for (int j = 1; j < e.length; j++) {
        String[] eh = e[j].split(":");
        String[] ah = a[j].split(":");
        assertEquals(eh[0], ah[0], "line " + i + " hit " + j);
        assertEquals(Float.parseFloat(eh[1]), Float.parseFloat(ah[1]), 1e-5f, "line " + i + " hit " + j);
      }
    }
  }

  private static List<String> expected(String name) throws Exception {
    return Files.readAllLines(golden(name), StandardCharsets.UTF_8);
  }

  /**
   * Writes the goldens of the current version: only by hand ({@code -Dpapermap.writeIndexGoldens=true}),
   * once per new format version, never over an existing version's files.
   */
  @Test
  @EnabledIfSystemProperty(named = "papermap.writeIndexGoldens", matches = "true")
  void writeCurrentVersionGoldens() throws Exception {
    String v = "v" + FlatIndexFile.FORMAT.currentVersion();
    Files.createDirectories(GOLDEN_SOURCE);
    float[][] data = TestData.clusteredDense(101, 60, 8, 4, 0.3);
    FlatIndex flat = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    FlatIndexFile.save(flat, GOLDEN_SOURCE.resolve(v + "-flat.bin"));
    assertSameHits(expected("v1-flat.expected.txt"), flatLines(flat));
    float[][] hd = TestData.clusteredDense(102, 200, 8, 5, 0.3);
    HnswIndex hnsw =
        HnswIndex.build(
            DenseVectors.of(hd), HnswOptions.builder().m(4).efConstruction(16).efSearch(16).seed(5).build());
    HnswIndexFile.save(hnsw, GOLDEN_SOURCE.resolve(v + "-hnsw.bin"));
    assertSameHits(expected("v1-hnsw.expected.txt"), hnswLines(hnsw));
    SparseIndex sparse = SparseIndex.build(TestData.sparseDocs(103, 40, 50, 5, false), IndexOptions.DEFAULT);
    SparseIndexFile.save(sparse, GOLDEN_SOURCE.resolve(v + "-sparse.bin"));
    assertSameHits(expected("v1-sparse.expected.txt"), sparseLines(sparse));
  }
}
