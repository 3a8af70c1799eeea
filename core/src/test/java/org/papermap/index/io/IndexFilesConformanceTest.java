package org.papermap.index.io;

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
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.index.TestData;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.vector.DenseVectors;

/**
 * Files written by format version 1 must keep opening and answering the same. The expected hits
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

  @Test
  void givenVersion1Files_whenOpened_thenSearchesMatchRecordedResults() throws Exception {
    FlatIndex flat = IndexFiles.openFlat(golden("v1-flat.bin"), IndexOptions.DEFAULT);
    assertSameHits(expected("v1-flat.expected.txt"), flatLines(flat));
    HnswIndex hnsw = IndexFiles.openHnsw(golden("v1-hnsw.bin"), 1);
    assertSameHits(expected("v1-hnsw.expected.txt"), hnswLines(hnsw));
    SparseIndex sparse = IndexFiles.openSparse(golden("v1-sparse.bin"), IndexOptions.DEFAULT);
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

  /** Regenerates the goldens: only by hand, and only when the format version changes (as v2-*). */
  @Test
  @EnabledIfSystemProperty(named = "papermap.writeIndexGoldens", matches = "true")
  void writeVersion1Goldens() throws IOException {
    Files.createDirectories(GOLDEN_SOURCE);
    float[][] data = TestData.clusteredDense(101, 60, 8, 4, 0.3);
    FlatIndex flat = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    IndexFiles.save(flat, GOLDEN_SOURCE.resolve("v1-flat.bin"));
    Files.write(GOLDEN_SOURCE.resolve("v1-flat.expected.txt"), flatLines(flat), StandardCharsets.UTF_8);
    float[][] hd = TestData.clusteredDense(102, 200, 8, 5, 0.3);
    HnswIndex hnsw =
        HnswIndex.build(
            DenseVectors.of(hd), HnswIndex.Options.builder().m(4).efConstruction(16).efSearch(16).seed(5).build());
    IndexFiles.save(hnsw, GOLDEN_SOURCE.resolve("v1-hnsw.bin"));
    Files.write(GOLDEN_SOURCE.resolve("v1-hnsw.expected.txt"), hnswLines(hnsw), StandardCharsets.UTF_8);
    SparseIndex sparse = SparseIndex.build(TestData.sparseDocs(103, 40, 50, 5, false), IndexOptions.DEFAULT);
    IndexFiles.save(sparse, GOLDEN_SOURCE.resolve("v1-sparse.bin"));
    Files.write(GOLDEN_SOURCE.resolve("v1-sparse.expected.txt"), sparseLines(sparse), StandardCharsets.UTF_8);
  }
}
