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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.io.CorruptFileException;
import org.papermap.io.FormatTooNewException;
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
    return copyGolden(dir, "tfidf-v1.bin");
  }

  private static Path copyGolden(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = TfIdfModelIoTest.class.getResourceAsStream("/golden/vector/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  /**
   * The options tfidf-v1.bin was written with: the builder defaults of that day (minDf 1, maxDf 1.0,
   * spelled out since the builder now starts from minDf 2, maxDf 0.5), title weight 2.
   */
  private static TfIdfModel model() {
    PaperAnalyzer.Options a =
        PaperAnalyzer.Options.abstracts().toBuilder().ngrams(1, 2).boilerplateStopWords(true).build();
    return new TfIdfVectorizer(
            TfIdfOptions.builder().analyzer(a).titleWeight(2f).idf(TfIdfOptions.Idf.SMOOTH).minDf(1).maxDfFraction(1.0)
                .build())
        .fit(v1Corpus());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfidf-v1.bin", "tfidf-v2.bin"})
  void givenFileOfEachVersion_whenOpened_thenEqualsRefitWithItsStoredOptions(String golden) throws IOException {
    TfIdfModel m = TfIdfModelFile.open(copyGolden(dir, golden));
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
    TfIdfModelFile.save(m, f);
    TfIdfModelFile.save(m, f); // replaces atomically
    TfIdfModel back = TfIdfModelFile.open(f);
    assertEquals(m.vocabulary(), back.vocabulary());
    assertEquals(m.options().toMap(), back.options().toMap());
    assertEquals(m.transform(v1Corpus()), back.transform(v1Corpus()));
    assertArrayEquals(
        Files.readAllBytes(copyGolden(dir, "tfidf-v2.bin")), Files.readAllBytes(f), "format version 2 is stable byte for byte");
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void givenFlippedByte_whenOpened_thenCorruptFileExceptionNamesFile() throws IOException {
    Path f = copyGolden(dir);
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 0x10;
    Files.write(f, b);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> TfIdfModelFile.open(f));
    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    assertEquals(f, e.file());
  }

  @Test
  void givenTruncatedFile_whenOpened_thenCorruptFileException() throws IOException {
    Path f = copyGolden(dir);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 5));
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> TfIdfModelFile.open(f));
    assertTrue(e.getMessage().contains("footer magic") && e.getMessage().contains(f.toString()), e.getMessage());
    Files.write(f, java.util.Arrays.copyOf(b, 10));
    CorruptFileException e2 = assertThrows(CorruptFileException.class, () -> TfIdfModelFile.open(f));
    assertTrue(e2.getMessage().contains("file too short: 10 bytes"), e2.getMessage());
  }

  @Test
  void givenNewerVersion_whenOpened_thenFormatTooNewException() throws IOException {
    Path f = copyGolden(dir, "tfidf-v2.bin");
    byte[] b = Files.readAllBytes(f);
    int versionAt = 5 + TfIdfModelFile.FORMAT.name().length();
    ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(versionAt, 3);
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 8);
    ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(b.length - 8, crc.getValue());
    Files.write(f, b);
    FormatTooNewException e = assertThrows(FormatTooNewException.class, () -> TfIdfModelFile.open(f));
    assertEquals(f + ": format 'papermap.tfidf' version 3 is too new (this build reads versions 1 to 2)", e.getMessage());
  }

  @Test
  void givenOtherFile_whenOpened_thenCorruptFileExceptionAndMissingFileNamed() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.write(f, "this is not a model file, just some text that is long enough".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> TfIdfModelFile.open(f));
    assertEquals(f + ": not a PaperMap file: it starts with 0x74686973 (at byte 0)", e.getMessage());
    Path missing = dir.resolve("missing.bin");
    assertEquals(
        missing + ": no such file",
        assertThrows(java.nio.file.NoSuchFileException.class, () -> TfIdfModelFile.open(missing)).getMessage());
  }

  @Test
  void givenLsaFile_whenOpenedAsTfIdfModel_thenMessageNamesBothFormats() throws IOException {
    Path f = dir.resolve("lsa.bin");
    LsaModelFile.save(LsaModel.fit(new TfIdfVectorizer(TfIdfOptions.sklearnCompatible()).fitTransform(v1Corpus()).matrix(),
        Lsa.Options.builder().dimensions(2).build()), f);
    assertEquals(
        f + ": expected format 'papermap.tfidf', found 'papermap.lsa' (at byte 5)",
        assertThrows(CorruptFileException.class, () -> TfIdfModelFile.open(f)).getMessage());
  }

  /** Writes golden/vector/tfidf-vN.bin for a new format version: by hand, once per version. */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "papermap.writeModelGoldens", matches = "true")
  void writeCurrentVersionGolden() throws IOException {
    TfIdfModelFile.save(model(), Path.of("src/test/resources/golden/vector/tfidf-v" + TfIdfModelFile.FORMAT.currentVersion() + ".bin"));
  }

}
