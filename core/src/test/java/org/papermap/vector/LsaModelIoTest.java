package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.io.CorruptFileException;

class LsaModelIoTest {
  @TempDir Path tmp;

  private static SparseMatrix randomMatrix(long seed, int rows, int cols) {
    SplittableRandom rnd = new SplittableRandom(seed);
    SparseVector[] v = new SparseVector[rows];
    for (int r = 0; r < rows; r++) {
      int[] idx = rnd.ints(0, cols).distinct().limit(1 + rnd.nextInt(8)).sorted().toArray();
      float[] val = new float[idx.length];
      for (int i = 0; i < val.length; i++) {
        val[i] = (float) rnd.nextDouble(0.1, 1);
      }
      v[r] = SparseVector.of(idx, val);
    }
    return SparseMatrix.ofRows(cols, v);
  }

  @Test
  void givenFittedModel_whenSavedAndOpened_thenSameEmbeddingsAndFoldIn() throws IOException {
    SparseMatrix x = randomMatrix(3, 60, 40);
    LsaModel model = LsaModel.fit(x, Lsa.Options.builder().dimensions(5).seed(9).build());
    Path f = tmp.resolve("lsa.bin");

    LsaModelFile.save(model, f);
    LsaModel back = LsaModelFile.open(f);

    assertEquals(model.options(), back.options());
    assertArrayEquals(model.singularValues(), back.singularValues());
    assertArrayEquals(model.explainedVarianceRatio(), back.explainedVarianceRatio());
    for (int r = 0; r < x.rows(); r++) {
      assertArrayEquals(model.embeddings().vector(r), back.embeddings().vector(r));
      assertArrayEquals(model.transform(x.row(r)), back.transform(x.row(r)));
    }
  }

  @Test
  void givenOneFlippedByte_whenOpened_thenCorruptFileExceptionNamesTheFile() throws IOException {
    SparseMatrix x = randomMatrix(4, 30, 20);
    Path f = tmp.resolve("lsa.bin");
    LsaModelFile.save(LsaModel.fit(x, Lsa.Options.builder().dimensions(3).build()), f);
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 0x40;
    Files.write(f, b);

    CorruptFileException e = assertThrows(CorruptFileException.class, () -> LsaModelFile.open(f));

    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("checksum"), e.getMessage());
  }

  @Test
  void givenTruncatedFile_whenOpened_thenCorruptFileException() throws IOException {
    SparseMatrix x = randomMatrix(5, 30, 20);
    Path f = tmp.resolve("lsa.bin");
    LsaModelFile.save(LsaModel.fit(x, Lsa.Options.builder().dimensions(3).build()), f);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 9));

    CorruptFileException e = assertThrows(CorruptFileException.class, () -> LsaModelFile.open(f));

    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  /** golden/lsa/lsa-v1.bin: written by release 0.1 (big-endian, positional options) from this fit. */
  @Test
  void givenVersion1File_whenOpened_thenEqualsTheSameFitToday() throws Exception {
    Path f = Path.of(LsaModelIoTest.class.getResource("/golden/lsa/lsa-v1.bin").toURI());
    SparseMatrix x = randomMatrix(3, 60, 40);
    LsaModel today = LsaModel.fit(x, Lsa.Options.builder().dimensions(5).seed(9).build());

    LsaModel v1 = LsaModelFile.open(f);

    assertEquals(today.options(), v1.options());
    assertEquals(today.powerIterations(), v1.powerIterations());
    assertArrayEquals(today.singularValues(), v1.singularValues(), 1e-12);
    for (int r = 0; r < x.rows(); r++) {
      assertArrayEquals(today.embeddings().vector(r), v1.embeddings().vector(r), 1e-6f);
      assertArrayEquals(today.transform(x.row(r)), v1.transform(x.row(r)), 1e-6f);
    }
  }
}
