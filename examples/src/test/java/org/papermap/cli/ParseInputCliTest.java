package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

/**
 * The input side of {@code papermap parse}: what --lenient reports, paths that are not files, folders,
 * the new formats and --normalize. Every error is one line naming the path (and line) and exit 2.
 */
class ParseInputCliTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PaperMapCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path out() {
    return tmp.resolve("out.jsonl");
  }

  @Test
  void givenAnUnrecognizedTextFile_whenParsedLeniently_thenTheFileIsNamedAndNothingIsWritten() throws IOException {
    Path random = Files.writeString(tmp.resolve("random.txt"), "milk\neggs\nbread\n");

    Run r = run("parse", "--lenient", "-i", random.toString(), "-o", out().toString());

    assertEquals(2, r.code());
    List<String> lines = PaperMapCliTest.errorLines(r.err());
    assertEquals(
        List.of(
            "papermap: skipped file " + random + ": not a recognized paper listing (expected one of: email"
                + " digest, session page, poster list, daily feed)",
            "papermap: read 0 papers from 0 files; skipped 0 bad records and 1 file",
            "papermap: no papers read: all 1 input file(s) were skipped (see above)"),
        lines);
    assertTrue(Files.notExists(out()));
  }

  @Test
  void givenACorruptGzipAmongGoodFiles_whenParsedLeniently_thenEachSkipNamedAndCountedAndExit0() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write("{\"id\":\"z\",\"title\":\"T\",\"abstract\":\"A\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] bad = gz.toByteArray();
    bad[bad.length - 2] ^= 0x01; // the stored length (ISIZE, the last 4 bytes)
    Path corrupt = Files.write(tmp.resolve("corrupt.jsonl.gz"), bad);
    Path csv = Files.writeString(tmp.resolve("cols.csv"), "name,summary\nx,y\n");
    Path good = Files.writeString(tmp.resolve("good.jsonl"),
        "{\"id\":\"a\",\"title\":\"T\",\"abstract\":\"A\"}\n{\"id\":\"b\",\"title\":\"\",\"abstract\":\"B\"}\n");

    Run r = run("parse", "--lenient", "-i", corrupt.toString(), csv.toString(), good.toString(), "-o", out().toString());

    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("papermap: skipped file " + corrupt + ":"), r.err());
    assertTrue(r.err().contains("corrupt gzip data: length mismatch in member 1"), r.err());
    assertTrue(r.err().contains("papermap: skipped file " + csv + ":1: missing required columns"), r.err());
    assertTrue(r.err().contains("papermap: skipped record " + good + ":2: empty field 'title'"), r.err());
    assertTrue(r.err().contains("papermap: read 1 paper from 1 file; skipped 1 bad record and 2 files"), r.err());
    assertEquals(1, CorpusReader.read(out()).corpus().size());
  }

  @Test
  void givenANamedPipe_whenParsed_thenOneLineNamingItWithoutWaitingForAWriter() throws Exception {
    Path fifo = tmp.resolve("papers.jsonl");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "needs mkfifo");

    Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("parse", "-i", fifo.toString(), "-o", out().toString()));

    assertEquals(2, r.code());
    assertEquals(
        "papermap: " + fifo + ": is a named pipe (FIFO), not a regular file; only regular files and folders are"
            + " read (a pipe would block: save its output to a file)",
        r.err().strip());
  }

  @Test
  void givenADeviceOrAMissingPath_whenParsed_thenWhatItIsNamedNeverJustNoSuchFile() {
    Run device = run("parse", "-i", "/dev/null", "-o", out().toString());
    Run missing = run("parse", "-i", tmp.resolve("nope.csv").toString(), "-o", out().toString());

    assertEquals(2, device.code());
    assertTrue(device.err().strip().startsWith("papermap: /dev/null: is a character device, not a regular file"), device.err());
    assertEquals(2, missing.code());
    assertEquals("papermap: " + tmp.resolve("nope.csv") + ": no such file or folder", missing.err().strip());
  }

  @Test
  void givenTheSampleFolder_whenParsed_thenItsListingsReadInNameOrderAndTheNoticeNoted() throws IOException {
    Run r = run("parse", "-i", "data", "-o", out().toString());

    assertEquals(0, r.code(), r.err());
    assertEquals(262, CorpusReader.read(out()).corpus().size());
    assertTrue(r.err().contains("not read from the input folders (hidden, subfolders or other extensions): "), r.err());
    assertTrue(r.err().contains("NOTICE.md"), r.err());
  }

  @Test
  void givenAnIdWithALineBreak_whenParsed_thenFileAndLineNamed() throws IOException {
    Path in = Files.writeString(tmp.resolve("ids.jsonl"), "{\"id\":\"a\\nb\",\"title\":\"T\",\"abstract\":\"A\"}\n");

    Run r = run("parse", "-i", in.toString(), "-o", out().toString());

    assertEquals(2, r.code());
    assertEquals(
        List.of("papermap: " + in + ":1: id contains a control character (U+000A at index 1); ids must be one printable line"),
        PaperMapCliTest.errorLines(r.err()));
  }

  @Test
  void givenNormalizeOption_whenParsed_thenTextAsReadByDefaultAndNfkcOnRequest() throws IOException {
    Path in = Files.writeString(tmp.resolve("u.jsonl"), "{\"id\":\"u\",\"title\":\"The \u2113\u2082 norm\",\"abstract\":\"x\u00b2 \ufb01t\"}\n");
    Path nfkc = tmp.resolve("nfkc.jsonl");

    Run asRead = run("parse", "-i", in.toString(), "-o", out().toString());
    Run normalized = run("parse", "--normalize", "nfkc", "-i", in.toString(), "-o", nfkc.toString());

    assertEquals(0, asRead.code(), asRead.err());
    assertEquals(0, normalized.code(), normalized.err());
    assertEquals("The \u2113\u2082 norm", CorpusReader.read(out()).corpus().get(0).title());
    Corpus c = CorpusReader.read(nfkc).corpus();
    assertEquals("The l2 norm", c.get(0).title());
    assertEquals("x2 fit", c.get(0).abstractText());
  }

  @Test
  void givenExportFormats_whenParsedWithAutoOrNamedFormat_thenRead() throws IOException {
    Path ris = Files.writeString(tmp.resolve("refs.data"), "TY  - JOUR\nTI  - T\nAB  - A\nER  - \n");
    Path zotero = Files.writeString(tmp.resolve("z.csv"), "\"Key\",\"Title\",\"Abstract Note\",\"Author\"\n\"K1\",\"T\",\"A\",\"Lovelace, Ada\"\n");
    Path zoteroOut = tmp.resolve("z.jsonl");

    Run asRis = run("parse", "--input-format", "ris", "-i", ris.toString(), "-o", out().toString());
    Run withPreset = run("parse", "--columns", "zotero", "-i", zotero.toString(), "-o", zoteroOut.toString());
    Run bad = run("parse", "--input-format", "endnote", "-i", ris.toString(), "-o", out().toString());

    assertEquals(0, asRis.code(), asRis.err());
    assertEquals(1, CorpusReader.read(out()).corpus().size());
    assertEquals(0, withPreset.code(), withPreset.err());
    assertEquals(List.of("Lovelace, Ada"), CorpusReader.read(zoteroOut).corpus().get(0).authors());
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains(
            "--input-format must be one of: auto, jsonl, csv, arxiv, semantic-scholar, openalex, bibtex, ris, listing;"
                + " got 'endnote'"),
        bad.err());
  }
}
