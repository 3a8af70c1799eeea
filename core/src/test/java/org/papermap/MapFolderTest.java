package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.io.CorruptFileException;
import org.papermap.io.ForeignFileException;
import org.papermap.io.FormatTooOldException;

/** A map folder is one unit: what it detects, what it refuses, what a save replaces and leaves behind. */
class MapFolderTest {
  private static Corpus corpus;
  private static Corpus otherCorpus;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
    List<Paper> reversed = new ArrayList<>();
    for (Paper p : corpus) {
      reversed.add(p);
    }
    Collections.reverse(reversed);
    otherCorpus = Corpus.of(reversed); // same papers, same count, other order: another map
  }

  static PaperMap build(Corpus c, Representation r) {
    return PaperMap.build(c, PaperMapOptions.builder().representation(r).lsaDimensions(16).build());
  }

  /** The file {@code name} of the map saved in {@code dir} (inside its generation folder). */
  static Path file(Path dir, String name) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> gens = s.filter(p -> p.getFileName().toString().startsWith("map-")).toList();
      assertEquals(1, gens.size(), "one generation in " + dir + ": " + gens);
      return gens.get(0).resolve(name);
    }
  }

  static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path saved(String name, Corpus c, Representation r) throws IOException {
    Path dir = tmp.resolve(name);
    build(c, r).save(dir);
    return dir;
  }

  @Test
  void givenHnswMap_whenSavedAndOpened_thenSameAnswersAndOnlyMapEntries() throws IOException {
    PaperMap map =
        PaperMap.build(
            corpus,
            PaperMapOptions.builder().lsaDimensions(16).denseIndex(PaperMapOptions.DenseIndex.HNSW).build());
    Path dir = tmp.resolve("hnsw");
    map.save(dir);
    try (PaperMap back = PaperMap.open(dir)) {
      for (int ord : new int[] {0, 100, 261}) {
        assertEquals(map.relatedTo(ord, 5, 2), back.relatedTo(ord, 5, 2));
      }
    }
    List<String> entries = entries(dir);
    assertEquals(3, entries.size(), entries.toString());
    assertTrue(entries.get(0).matches("map-[0-9a-f]{32}"), entries.toString());
    assertEquals(List.of("papermap.lock", "papermap.manifest"), entries.subList(1, 3));
    try (Stream<Path> s = Files.list(file(dir, "x").getParent())) {
      assertEquals(
          List.of("corpus.jsonl", "lsa.index", "lsa.model", "tfidf.index", "tfidf.model"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void givenFolderWithoutManifest_whenOpened_thenMessageSaysSo() throws IOException {
    IOException e = assertThrows(IOException.class, () -> PaperMap.open(tmp));
    assertEquals(tmp + ": not a PaperMap map folder (no papermap.manifest)", e.getMessage());
    Path missing = tmp.resolve("nope");
    assertEquals(missing + ": no such map folder", assertThrows(IOException.class, () -> PaperMap.open(missing)).getMessage());
  }

  @Test
  void givenMapOfFormat1_whenOpenedOrOverwritten_thenTooOldWithAdvice() throws IOException, URISyntaxException {
    Path v1 = tmp.resolve("v1");
    Files.createDirectories(v1);
    Path golden = Path.of(MapFolderTest.class.getResource("/golden/map/v1").toURI());
    try (Stream<Path> s = Files.list(golden)) {
      for (Path p : s.toList()) {
        Files.copy(p, v1.resolve(p.getFileName()));
      }
    }
    FormatTooOldException e = assertThrows(FormatTooOldException.class, () -> PaperMap.open(v1));
    assertEquals(
        v1.resolve("papermap.properties") + ": format 'papermap-map' version 1 is too old (this build reads"
            + " versions 2 to 2); rebuild it with this version of PaperMap",
        e.getMessage());
    IOException save = assertThrows(IOException.class, () -> build(corpus, Representation.TFIDF).save(v1));
    assertTrue(save.getMessage().contains("holds a map of format 1 (papermap.properties)"), save.getMessage());
    assertTrue(PaperMap.isMap(v1));
  }

  @Test
  void givenFlippedByte_whenOpened_thenCorruptFileExceptionNamingTheFile() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path f = file(dir, "tfidf.index");
    byte[] b = Files.readAllBytes(f);
    b[b.length / 3] ^= 1;
    Files.write(f, b);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> PaperMap.open(dir));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().startsWith(f + ": checksum mismatch"), e.getMessage());
  }

  @Test
  void givenModelOfAnIdenticalBuild_whenCopiedIn_thenForeignFileNamesBothMaps() throws IOException {
    Path a = saved("a", corpus, Representation.LSA);
    Path b = saved("b", corpus, Representation.LSA); // same content, same lengths, another map id
    for (String name : List.of("tfidf.model", "tfidf.index", "lsa.model", "lsa.index")) {
      Path target = file(a, name);
      byte[] original = Files.readAllBytes(target);
      Files.copy(file(b, name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      ForeignFileException e = assertThrows(ForeignFileException.class, () -> PaperMap.open(a), name);
      assertEquals(target, e.file());
      assertTrue(e.getMessage().contains("belongs to map "), e.getMessage());
      Files.write(target, original);
    }
    try (PaperMap back = PaperMap.open(a)) {
      assertEquals(corpus.size(), back.corpus().size());
    }
  }

  @Test
  void givenModelOfAnotherCorpusWithTheSamePaperCount_whenCopiedIn_thenForeignFile() throws IOException {
    Path a = saved("a", corpus, Representation.HYBRID);
    Path b = saved("b", otherCorpus, Representation.HYBRID);
    Path target = file(a, "lsa.model");
    Files.copy(file(b, "lsa.model"), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThrows(ForeignFileException.class, () -> PaperMap.open(a));
  }

  @Test
  void givenReorderedCorpusLines_whenOpened_thenForeignFileNotOtherNeighbours() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path f = file(dir, "corpus.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    Collections.swap(lines, 3, 4);
    Files.write(f, lines, StandardCharsets.UTF_8);
    ForeignFileException e = assertThrows(ForeignFileException.class, () -> PaperMap.open(dir));
    assertTrue(e.getMessage().startsWith(f + ": differs from the file the manifest lists"), e.getMessage());
  }

  @Test
  void givenTruncatedCorpus_whenOpened_thenLengthNamedBeforeParsing() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path f = file(dir, "corpus.jsonl");
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    ForeignFileException e = assertThrows(ForeignFileException.class, () -> PaperMap.open(dir));
    assertTrue(e.getMessage().contains("the manifest lists " + b.length + " (truncated or replaced?)"), e.getMessage());
  }

  @Test
  void givenMissingModel_whenOpened_thenMessageNamesFileAndCause() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path f = file(dir, "tfidf.model");
    Files.delete(f);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> PaperMap.open(dir));
    assertEquals(f + ": missing, but the manifest lists it", e.getMessage());
  }

  @Test
  void givenFolderDeviceOrFifoInPlaceOfAFile_whenOpened_thenNamedErrorNeverAHang() throws Exception {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path model = file(dir, "tfidf.model");
    Path corpusFile = file(dir, "corpus.jsonl");
    byte[] saved = Files.readAllBytes(model);

    Files.delete(model);
    Files.createDirectory(model);
    assertEquals(model + ": is a folder, not a regular file",
        assertThrows(CorruptFileException.class, () -> PaperMap.open(dir)).getMessage());
    Files.delete(model);

    Files.createSymbolicLink(model, Path.of("/dev/zero"));
    assertEquals(model + ": is a character device, not a regular file",
        assertThrows(CorruptFileException.class, () -> PaperMap.open(dir)).getMessage());
    Files.delete(model);
    Files.write(model, saved);

    Assumptions.assumeTrue(mkfifo(corpusFile.resolveSibling("fifo")), "mkfifo is available");
    Files.delete(corpusFile);
    Files.move(corpusFile.resolveSibling("fifo"), corpusFile);
    CorruptFileException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> assertThrows(CorruptFileException.class, () -> PaperMap.open(dir)));
    assertEquals(corpusFile + ": is a FIFO (named pipe), not a regular file", e.getMessage());
  }

  static boolean mkfifo(Path p) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void givenFolderWithOtherFiles_whenSaved_thenRefusedAndNothingWritten() throws IOException {
    Path dir = tmp.resolve("inputs");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("corpus.jsonl"), "{\"id\":\"a\"}\n");
    IOException e = assertThrows(IOException.class, () -> build(corpus, Representation.TFIDF).save(dir));
    assertEquals(
        "cannot save a map to " + dir + ": it holds files that are not part of a map (corpus.jsonl); give a new"
            + " or empty folder, or a map folder",
        e.getMessage());
    assertEquals(List.of("corpus.jsonl"), entries(dir));
    assertEquals("{\"id\":\"a\"}\n", Files.readString(dir.resolve("corpus.jsonl")));
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    assertEquals(
        "cannot save a map to " + file + ": it is a regular file, not a folder",
        assertThrows(IOException.class, () -> build(corpus, Representation.TFIDF).save(file)).getMessage());
  }

  @Test
  void givenExistingMap_whenSavedOver_thenReplacedInOneStepAndOldFilesGone() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path oldGeneration = file(dir, "x").getParent();
    build(otherCorpus, Representation.LSA).save(dir);
    assertFalse(Files.exists(oldGeneration), "the previous generation is removed");
    try (PaperMap back = PaperMap.open(dir)) {
      assertEquals(Representation.LSA, back.options().representation());
      assertEquals(otherCorpus.id(0), back.corpus().id(0));
    }
  }

  @Test
  void givenLeftoversOfACrashedSave_whenSavedAgain_thenRemoved() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    Path crashed = dir.resolve("map-0123456789abcdef0123456789abcdef");
    Files.createDirectories(crashed);
    Files.writeString(crashed.resolve("tfidf.model"), "half a file");
    // A temporary manifest of a process that is gone (pid 2^31-1 is never alive).
    Path tempManifest = dir.resolve(".papermap.manifest." + Integer.MAX_VALUE + "-1.tmp");
    Files.writeString(tempManifest, "half a manifest");
    try (PaperMap back = PaperMap.open(dir)) {
      assertEquals(corpus.size(), back.corpus().size(), "leftovers do not disturb readers");
    }
    build(corpus, Representation.TFIDF).save(dir);
    assertFalse(Files.exists(crashed));
    assertFalse(Files.exists(tempManifest));
    assertEquals(3, entries(dir).size(), entries(dir).toString());
  }

  @Test
  void givenReadOnlyFolder_whenSaved_thenErrorNamesTheFolderNotATempFile() throws IOException {
    Path dir = saved("m", corpus, Representation.TFIDF);
    try {
      dir.toFile().setWritable(false);
      Assumptions.assumeFalse(Files.isWritable(dir), "permissions are enforced (not running as root)");
      IOException e = assertThrows(IOException.class, () -> build(corpus, Representation.TFIDF).save(dir));
      assertEquals("cannot save a map to " + dir + ": permission denied", e.getMessage());
      assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    } finally {
      dir.toFile().setWritable(true);
    }
  }
}
