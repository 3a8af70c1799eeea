package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.internal.io.Codec;
import org.papermap.text.PaperAnalyzer;

class TfIdfModelIoTest {
  @TempDir Path dir;

  /**
   * The corpus golden/vector/tfidf-v1.bin was fitted on (titleWeight 2, builder defaults of v1), as
   * that analysis saw it. Then NFKC ran per token only, so "x²" split before it could become "x2";
   * the analyzer now applies NFKC to the whole text first (the corpus readers stopped doing it), and
   * "x²" gives the term x2. Writing "x" keeps the terms v1 produced, so refits can be compared with
   * the file.
   */
  static Corpus v1Corpus() {
    return Corpus.of(List.of(
        Paper.of("p0", "Graph neural networks", "We study graph neural networks for molecule property prediction."),
        Paper.of("p1", "Self-supervised learning", "Contrastive self-supervised learning of visual representations with $k$-means."),
        Paper.of("p2", "Café naïve résumé", "Unicode terms: x loss, 𝑥𝑦 italic, ℓ2 norm, and graph neural models."),
        Paper.of("p3", "Retrieval", "Dense retrieval with transformers and graph indexes.")));
  }

  private static Path copyGolden(Path dir) throws IOException {
    Path p = dir.resolve("tfidf-v1.bin");
    try (InputStream in = TfIdfModelIoTest.class.getResourceAsStream("/golden/vector/tfidf-v1.bin")) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  /** The options tfidf-v1.bin was written with (the builder defaults of that day, title weight 2). */
  private static TfIdfModel model() {
    PaperAnalyzer.Options a =
        PaperAnalyzer.Options.abstracts().toBuilder().ngrams(1, 2).boilerplateStopWords(true).build();
    return new TfIdfVectorizer(TfIdfOptions.builder().analyzer(a).titleWeight(2f).build())
        .fit(v1Corpus());
  }

  @Test
  void givenVersion1File_whenOpened_thenEqualsRefitWithItsStoredOptions() throws IOException {
    TfIdfModel m = TfIdfModel.open(copyGolden(dir));
    assertEquals(46, m.vocabulary().size());
    assertEquals(4, m.documentCount());
    assertEquals(2f, m.options().titleWeight());
    TfIdfModel refit = new TfIdfVectorizer(m.options()).fit(v1Corpus());
    assertEquals(refit.vocabulary(), m.vocabulary());
    for (int i = 0; i < m.vocabulary().size(); i++) {
      assertEquals(refit.idf(i), m.idf(i));
    }
    assertTrue(m.termOrd("graph neural") >= 0);
    assertEquals(refit.transform(v1Corpus()), m.transform(v1Corpus()));
  }

  @Test
  void givenModel_whenSavedAndOpened_thenIdentical() throws IOException {
    TfIdfModel m = model();
    Path f = dir.resolve("m.bin");
    m.save(f);
    m.save(f); // replaces atomically
    TfIdfModel back = TfIdfModel.open(f);
    assertEquals(m.vocabulary(), back.vocabulary());
    assertEquals(m.options().toMap(), back.options().toMap());
    assertEquals(m.transform(v1Corpus()), back.transform(v1Corpus()));
    assertArrayEquals(Files.readAllBytes(copyGolden(dir)), Files.readAllBytes(f), "format version 1 is stable byte for byte");
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void givenFlippedByte_whenOpened_thenCorruptModelExceptionNamesFile() throws IOException {
    Path f = copyGolden(dir);
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 0x10;
    Files.write(f, b);
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> TfIdfModel.open(f));
    assertTrue(e.getMessage().contains("checksum failed"), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertEquals(f, e.file());
  }

  @Test
  void givenTruncatedFile_whenOpened_thenCorruptModelException() throws IOException {
    Path f = copyGolden(dir);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 5));
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> TfIdfModel.open(f));
    assertTrue(e.getMessage().contains("footer magic") && e.getMessage().contains(f.toString()), e.getMessage());
    Files.write(f, java.util.Arrays.copyOf(b, 10));
    CorruptModelException e2 = assertThrows(CorruptModelException.class, () -> TfIdfModel.open(f));
    assertTrue(e2.getMessage().contains("file too short: 10 bytes"), e2.getMessage());
  }

  @Test
  void givenNewerVersion_whenOpened_thenCorruptModelExceptionSaysTooNew() throws IOException {
    Path f = copyGolden(dir);
    byte[] b = Files.readAllBytes(f);
    int versionAt = 8 + TfIdfModel.CODEC.length();
    ByteBuffer.wrap(b).putInt(versionAt, 2);
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 8);
    ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
    Files.write(f, b);
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> TfIdfModel.open(f));
    assertTrue(e.getMessage().contains("format version 2 of PaperMapTfIdfModel is too new (supported: 1..1)"), e.getMessage());
  }

  @Test
  void givenOtherFile_whenOpened_thenCorruptModelException() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.write(f, "this is not a model file, just some text that is long enough".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> TfIdfModel.open(f));
    assertTrue(e.getMessage().startsWith("corrupt model file " + f), e.getMessage());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> TfIdfModel.open(dir.resolve("missing.bin")));
  }

  @Test
  void givenBadCodecArguments_whenWritingHeader_thenIllegalArgument() {
    var out = new java.io.DataOutputStream(java.io.OutputStream.nullOutputStream());
    assertEquals("codec name length must be in [1, 127], got 0",
        assertThrows(IllegalArgumentException.class, () -> Codec.writeHeader(out, "", 1)).getMessage());
    assertEquals("version must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> Codec.writeHeader(out, "X", -1)).getMessage());
  }
}
