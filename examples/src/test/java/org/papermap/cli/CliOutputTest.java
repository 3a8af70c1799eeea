package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;
import org.papermap.corpus.CorpusReader;

/** What the CLI writes, and where it refuses to: standard output, -o, build --out, and -k. */
class CliOutputTest {
  private static final String PAPER = "data/000_c6aaeef350361c33.txt";

  @TempDir Path tmp;

  /** The id of the second paper of {@link #PAPER}. */
  private static String secondId() throws IOException {
    return CorpusReader.read(Path.of(PAPER)).corpus().id(1);
  }

  /** A standard output that fails like a full disk, after {@code okBytes} bytes. */
  private static final class FullDisk extends OutputStream {
    private int left;

    FullDisk(int okBytes) {
      left = okBytes;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("No space left on device");
      }
      left -= len;
    }
  }

  private static PaperMapCliTest.Run runWithStdout(OutputStream stdout, String... args) {
    StringWriter err = new StringWriter();
    int code = PaperMapCli.run(args, stdout, new PrintWriter(err, true));
    return new PaperMapCliTest.Run(code, "", err.toString());
  }

  private static void assertOneLine(PaperMapCliTest.Run r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals(1, PaperMapCliTest.errorLines(r.err()).size(), r.err());
    assertTrue(r.err().contains(expected), r.err());
  }

  @Test
  void givenFullStdout_whenParseRelatedSearchWrite_thenOneLineAndExit2() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "--input", PAPER, "--representation", "tfidf", "-o", map.toString()).code());
    for (String[] args :
        List.of(
            new String[] {"parse", "-i", PAPER, "-o", "-"},
            new String[] {"related", "--map", map.toString(), "--all"},
            new String[] {"related", "--map", map.toString(), "--id", secondId(), "-o", "-"},
            new String[] {"search", "--map", map.toString(), "--query", "graph neural networks"},
            new String[] {"demo", "-i", "data"})) {
      PaperMapCliTest.Run r = runWithStdout(new FullDisk(100), args);
      assertOneLine(r, "cannot write to standard output");
      assertTrue(r.err().contains("No space left on device") || args[0].equals("demo"), args[0] + ": " + r.err());
    }
  }

  @Test
  void givenDeviceFolderOrFifoAsOutput_whenWritten_thenRefusedAndLeftAlone() throws Exception {
    PaperMapCliTest.Run r = PaperMapCliTest.run("parse", "-i", PAPER, "-o", "/dev/full");
    assertOneLine(r, "-o /dev/full: is a character device; only regular files are written (use -o - for standard output)");
    assertTrue(Files.exists(Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")));
    r = PaperMapCliTest.run("related", "--input", PAPER, "--all", "-o", tmp.toString());
    assertOneLine(r, "-o " + tmp.toAbsolutePath() + ": is a folder; only regular files are written");
    // vectors writes PREFIX.mtx and friends: a link named like one of them to a device is refused.
    Files.createSymbolicLink(tmp.resolve("v.mtx"), Path.of("/dev/full"));
    r = PaperMapCliTest.run("vectors", "--input", PAPER, "-o", tmp.resolve("v").toString());
    assertOneLine(r, tmp.resolve("v.mtx").toAbsolutePath() + " (a link to /dev/full): is a character device");
    assertFalse(Files.exists(tmp.resolve("v.terms.txt")), "nothing written");
    Path fifo = tmp.resolve("fifo");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    r = PaperMapCliTest.run("parse", "-i", PAPER, "-o", fifo.toString());
    assertOneLine(r, fifo.toAbsolutePath() + ": is a FIFO (named pipe); only regular files are written");
  }

  @Test
  void givenSymlinkAsOutput_whenWritten_thenWrittenThroughAndSaid() throws IOException {
    Path real = tmp.resolve("real.jsonl");
    Files.writeString(real, "old\n");
    Path link = tmp.resolve("link.jsonl");
    Files.createSymbolicLink(link, real);
    PaperMapCliTest.Run r = PaperMapCliTest.run("parse", "-i", PAPER, "-o", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("-o " + link + " is a symbolic link: writing through it to " + real), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link stays");
    assertEquals(11, CorpusReader.read(real).corpus().size());
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "no temporary file left");
    }
  }

  @Test
  void givenEmptyOut_whenBuilt_thenRefused() {
    PaperMapCliTest.Run r = PaperMapCliTest.run("build", "--input", PAPER, "-o", "");
    assertOneLine(r, "-o must not be empty");
  }

  @Test
  void givenExistingMap_whenBuiltAgain_thenOnlyWithForce() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "--input", PAPER, "--representation", "tfidf", "-o", map.toString()).code());
    PaperMapCliTest.Run r = PaperMapCliTest.run("build", "--input", PAPER, "--representation", "lsa", "-o", map.toString());
    assertOneLine(r, "-o " + map + " already holds a map; add --force to replace it");
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals("TFIDF", m.options().representation().name(), "the old map is untouched");
    }
    r = PaperMapCliTest.run("build", "--input", PAPER, "--representation", "lsa", "-o", map.toString(), "--force");
    assertEquals(0, r.code(), r.err());
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals("LSA", m.options().representation().name());
    }
  }

  @Test
  void givenOutHoldingTheInput_whenBuilt_thenRefusedAndInputUnchanged() throws IOException {
    Path folder = tmp.resolve("papers");
    Files.createDirectories(folder);
    Path input = folder.resolve("corpus.jsonl");
    assertEquals(0, PaperMapCliTest.run("parse", "-i", PAPER, "-o", input.toString()).code());
    byte[] before = Files.readAllBytes(input);
    PaperMapCliTest.Run r = PaperMapCliTest.run("build", "--input", input.toString(), "-o", folder.toString(), "--force");
    assertOneLine(r, "it holds files that are not part of a map (corpus.jsonl)");
    assertEquals(List.of(input), Files.list(folder).toList());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), "the input is unchanged");
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "--input", PAPER, "-o", map.toString()).code());
    Path inside = MapFolderFiles.file(map, "corpus.jsonl");
    r = PaperMapCliTest.run("build", "--input", inside.toString(), "-o", map.toString(), "--force");
    assertOneLine(r, "--input " + inside + " is inside -o " + map + ", which the save would replace");
  }

  @Test
  void givenKAboveThePaperCount_whenRelatedOrSearched_thenANoteAndEveryPaper() throws IOException {
    PaperMapCliTest.Run r = PaperMapCliTest.run("related", "--input", PAPER, "--representation", "lsa", "--id", secondId(), "-k", "1000000000");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("note: -k 1000000000 is more than the 10 other paper(s); listing at most 10"), r.err());
    assertEquals(10, r.out().split("\"id\":").length - 2, r.out());
    r = PaperMapCliTest.run("search", "--input", PAPER, "--representation", "lsa", "--query", "graph networks", "-k", "2147483647");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("note: -k 2147483647 is more than the 11 paper(s); listing at most 11"), r.err());
  }

  @Test
  void givenDamagedMap_whenUsed_thenOneLineNamingTheFileAndCause() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "--input", PAPER, "--representation", "tfidf", "-o", map.toString()).code());
    Path model = MapFolderFiles.file(map, "tfidf.model");
    Files.delete(model);
    PaperMapCliTest.Run r = PaperMapCliTest.run("related", "--map", map.toString(), "--all");
    assertOneLine(r, "papermap: " + model + ": missing, but the manifest lists it");
    Files.createDirectory(model);
    r = PaperMapCliTest.run("related", "--map", map.toString(), "--all");
    assertOneLine(r, "papermap: " + model + ": is a folder, not a regular file");
    assertFalse(r.err().contains("Exception"), r.err());
  }

  /** Finds the files of a saved map. */
  static final class MapFolderFiles {
    static Path file(Path map, String name) throws IOException {
      try (var s = Files.list(map)) {
        Path gen = s.filter(p -> p.getFileName().toString().startsWith("map-")).findFirst().orElseThrow();
        return gen.resolve(name);
      }
    }
  }
}
