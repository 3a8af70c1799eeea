package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketTest {
  @TempDir Path tmp;

  @Test
  void givenRandomSparseMatrix_whenWrittenAndRead_thenIdentical() throws IOException {
    SplittableRandom rnd = new SplittableRandom(7);
    SparseVector[] rows = new SparseVector[40];
    for (int r = 0; r < rows.length; r++) {
      int[] idx = rnd.ints(0, 60).distinct().limit(rnd.nextInt(0, 9)).sorted().toArray();
      float[] val = new float[idx.length];
      for (int i = 0; i < val.length; i++) {
        val[i] = (float) rnd.nextGaussian();
      }
      rows[r] = SparseVector.of(idx, val);
    }
    SparseMatrix m = SparseMatrix.ofRows(60, rows);
    Path f = tmp.resolve("m.mtx");

    MatrixMarket.write(m, f);

    assertEquals(m, MatrixMarket.read(f));
  }

  @Test
  void givenUnsortedAndDuplicateEntries_whenRead_thenSortedAndSummedLikeScipy() throws IOException {
    Path f = tmp.resolve("d.mtx");
    Files.writeString(
        f,
        "%%MatrixMarket matrix coordinate real general\n% c\n2 3 4\n2 3 1.5\n1 2 2\n2 1 -1\n2 3 0.5\n",
        StandardCharsets.UTF_8);
    SparseMatrix m = MatrixMarket.read(f);
    assertEquals(3, m.nnz());
    assertEquals(2f, m.get(0, 1));
    assertEquals(-1f, m.get(1, 0));
    assertEquals(2f, m.get(1, 2));
  }

  @Test
  void givenEntryOutsideTheDeclaredShape_whenRead_thenErrorNamesFileAndLine() throws IOException {
    Path f = tmp.resolve("bad.mtx");
    Files.writeString(
        f, "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> MatrixMarket.read(f));
    assertEquals(f + ":3: entry (3, 1) outside 2x2", e.getMessage());
  }

  @Test
  void givenMissingBanner_whenRead_thenErrorNamesTheRule() throws IOException {
    Path f = tmp.resolve("nob.mtx");
    Files.writeString(f, "2 2 1\n1 1 1.0\n", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> MatrixMarket.read(f));
    assertEquals(f + ":1: expected a '%%MatrixMarket matrix coordinate' banner", e.getMessage());
  }

  @Test
  void givenFewerEntriesThanDeclared_whenRead_thenErrorSaysSo() throws IOException {
    Path f = tmp.resolve("short.mtx");
    Files.writeString(
        f, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> MatrixMarket.read(f));
    assertEquals(f + ": 1 entries, but the size line declares 2", e.getMessage());
  }
}
