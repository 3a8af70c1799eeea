package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswIndexFile;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;
import org.papermap.io.CorruptFileException;
import org.papermap.io.FormatTooNewException;
import org.papermap.vector.SparseMatrix;

/** The file classes of the three indexes: round trips, compaction, and damaged files. */
class IndexFilesTest {
  @TempDir Path dir;

  private static final float[][] DATA = TestData.clusteredDense(21, 300, 12, 6, 0.3);
  private static final HnswOptions HNSW =
      HnswOptions.builder().m(8).efConstruction(40).efSearch(30).seed(3).build();

  @Test
  void givenFlatIndexWithDeletes_whenSavedAndOpened_thenCompactedAndSearchesEqual() throws IOException {
    FlatIndex index = FlatIndex.of(DenseVectors.of(DATA), IndexOptions.DEFAULT);
    index.delete(0);
    index.delete(10);
    Path file = dir.resolve("flat.bin");
    int[] map = FlatIndexFile.save(index, file);
    assertEquals(-1, map[0]);
    assertEquals(0, map[1]);
    assertEquals(8, map[9]);
    assertEquals(-1, map[10]);
    assertEquals(9, map[11]);
    FlatIndex opened = FlatIndexFile.open(file, IndexOptions.DEFAULT);
    assertEquals(298, opened.size());
    assertTrue(opened.vectors().isValueShared(), "vectors are read from the mapping");
    for (int q = 0; q < 20; q++) {
      SearchResult before = index.search(DATA[q * 7], 5, OrdFilter.ALL);
      SearchResult after = opened.search(DATA[q * 7], 5, OrdFilter.ALL);
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        assertEquals(map[before.ord(i)], after.ord(i));
        assertEquals(before.score(i), after.score(i));
      }
    }
    assertEquals(
        "index is read-only (opened from a file): add is not supported",
        assertThrows(IllegalStateException.class, () -> opened.add(new float[12])).getMessage());
  }

  @Test
  void givenHnswIndex_whenSavedAndOpened_thenSameGraphAndResults() throws IOException {
    for (HnswOptions.Quantization quant : HnswOptions.Quantization.values()) {
      HnswIndex index = HnswIndex.build(DenseVectors.of(DATA), HNSW.toBuilder().quantization(quant).build());
      Path file = dir.resolve("hnsw-" + quant + ".bin");
      HnswIndexFile.save(index, file);
      HnswIndex opened = HnswIndexFile.open(file, 1);
      assertEquals(index.options(), opened.options());
      assertEquals(index.neighbours(3), opened.neighbours(3));
      for (int q = 0; q < 20; q++) {
        assertEquals(index.search(DATA[q], 5, OrdFilter.ALL), opened.search(DATA[q], 5, OrdFilter.ALL));
      }
    }
  }

  @Test
  void givenHnswWithDeletes_whenSaved_thenRebuiltWithoutThemAndRenumbered() throws IOException {
    HnswIndex index = HnswIndex.build(DenseVectors.of(DATA), HNSW);
    for (int i = 0; i < DATA.length; i += 2) {
      index.delete(i);
    }
    Path file = dir.resolve("hnsw.bin");
    int[] map = HnswIndexFile.save(index, file);
    HnswIndex opened = HnswIndexFile.open(file, 1);
    assertEquals(150, opened.size());
    assertEquals(150, opened.ordCount());
    SearchResult r = opened.search(DATA[51], 1, OrdFilter.ALL);
    assertEquals(map[51], r.ord(0));
    assertEquals(25, map[51]);
  }

  @Test
  void givenSparseIndex_whenSavedAndOpened_thenSearchesEqual() throws IOException {
    SparseMatrix docs = TestData.sparseDocs(4, 200, 300, 10, false);
    SparseIndex index = SparseIndex.build(docs, IndexOptions.DEFAULT);
    index.delete(5);
    Path file = dir.resolve("sparse.bin");
    int[] map = SparseIndexFile.save(index, file);
    SparseIndex opened = SparseIndexFile.open(file, IndexOptions.DEFAULT);
    assertEquals(199, opened.size());
    for (int q = 0; q < 20; q++) {
      SearchResult before = index.search(docs.row(q * 9), 5, OrdFilter.ALL);
      SearchResult after = opened.search(docs.row(q * 9), 5, OrdFilter.ALL);
      for (int i = 0; i < before.size(); i++) {
        assertEquals(map[before.ord(i)], after.ord(i));
        assertEquals(before.score(i), after.score(i));
      }
    }
  }

  private Path smallFlatFile() throws IOException {
    Path file = dir.resolve("small.bin");
    FlatIndexFile.save(FlatIndex.of(DenseVectors.of(Arrays.copyOf(DATA, 3)), IndexOptions.DEFAULT), file);
    return file;
  }

  @Test
  void givenAnySingleFlippedByte_whenOpened_thenCorruptFileExceptionNamingTheFile() throws IOException {
    Path file = smallFlatFile();
    byte[] good = Files.readAllBytes(file);
    Path bad = dir.resolve("bad.bin");
    for (int pos = 0; pos < good.length; pos++) {
      byte[] b = good.clone();
      b[pos] ^= (byte) (1 << (pos % 8));
      Files.write(bad, b);
      CorruptFileException e =
          assertThrows(CorruptFileException.class, () -> FlatIndexFile.open(bad, IndexOptions.DEFAULT), "byte " + pos);
      assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
      assertEquals(bad, e.file());
    }
  }

  @Test
  void givenFlippedByteInHnswAndSparseFiles_whenOpened_thenCorruptFileException() throws IOException {
    Path h = dir.resolve("h.bin");
    HnswIndexFile.save(HnswIndex.build(DenseVectors.of(DATA), HNSW), h);
    Path s = dir.resolve("s.bin");
    SparseIndexFile.save(SparseIndex.build(TestData.sparseDocs(4, 50, 60, 5, false), IndexOptions.DEFAULT), s);
    for (Path file : List.of(h, s)) {
      byte[] good = Files.readAllBytes(file);
      for (int pos = 3; pos < good.length; pos += good.length / 97) {
        byte[] b = good.clone();
        b[pos] ^= 0x40;
        Files.write(file, b);
        assertThrows(
            CorruptFileException.class,
            () -> {
              if (file == h) {
                HnswIndexFile.open(file, 1);
              } else {
                SparseIndexFile.open(file, IndexOptions.DEFAULT);
              }
            });
      }
    }
  }

  @Test
  void givenTruncatedFile_whenOpened_thenCorruptFileException() throws IOException {
    Path file = smallFlatFile();
    byte[] good = Files.readAllBytes(file);
    for (int len : new int[] {0, 5, 20, good.length / 2, good.length - 1}) {
      Files.write(file, Arrays.copyOf(good, len));
      assertThrows(CorruptFileException.class, () -> FlatIndexFile.open(file, IndexOptions.DEFAULT), "length " + len);
    }
    Files.write(file, Arrays.copyOf(good, 10));
    assertEquals(
        file + ": file too short: 10 bytes (truncated?)",
        assertThrows(CorruptFileException.class, () -> FlatIndexFile.open(file, IndexOptions.DEFAULT)).getMessage());
  }

  /** Rewrites the version field and fixes the checksum, as a future writer would. */
  @Test
  void givenFutureVersionWithValidChecksum_whenOpened_thenUnsupportedVersionMessage() throws IOException {
    Path file = smallFlatFile();
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int versionOffset = 4 + 1 + "papermap.flat".length();
    assertEquals(2, b.getInt(versionOffset));
    b.putInt(versionOffset, 3);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.capacity() - 8);
    b.putLong(b.capacity() - 8, crc.getValue());
    Files.write(file, b.array());
    FormatTooNewException e =
        assertThrows(FormatTooNewException.class, () -> FlatIndexFile.open(file, IndexOptions.DEFAULT));
    assertEquals(file + ": format 'papermap.flat' version 3 is too new (this build reads versions 1 to 2)", e.getMessage());
    assertEquals(3, e.version());
  }

  @Test
  void givenFileOfAnotherFormat_whenOpened_thenMessageNamesBothFormats() throws IOException {
    Path file = smallFlatFile();
    assertEquals(
        file + ": expected format 'papermap.hnsw', found 'papermap.flat' (at byte 5)",
        assertThrows(CorruptFileException.class, () -> HnswIndexFile.open(file, 1)).getMessage());
  }

  @Test
  void givenExistingTarget_whenSaved_thenReplacedAndNoTempFileLeft() throws IOException {
    Path file = smallFlatFile();
    FlatIndexFile.save(FlatIndex.of(DenseVectors.of(Arrays.copyOf(DATA, 5)), IndexOptions.DEFAULT), file);
    assertEquals(5, FlatIndexFile.open(file, IndexOptions.DEFAULT).size());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

}
