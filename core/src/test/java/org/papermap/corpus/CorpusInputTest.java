package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.progress.RecordingListener;

/**
 * Whole inputs: folders, paths that are not regular files, unreadable paths, gzip integrity, the
 * record size limit, and what lenient mode reports about the files it skips.
 */
class CorpusInputTest {
  @TempDir Path tmp;

  static final String OK = CorpusReaderErrorTest.OK;
  static final CorpusReader.Options LENIENT = CorpusReader.Options.builder().lenient(true).build();

  static byte[] gzip(String... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String part : parts) {
      ByteArrayOutputStream member = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
        gz.write(part.getBytes(StandardCharsets.UTF_8));
      }
      bytes.writeBytes(member.toByteArray());
    }
    return bytes.toByteArray();
  }

  static String jsonl(int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < to; i++) {
      s.append("{\"id\":\"").append(i).append("\",\"title\":\"T\",\"abstract\":\"A\"}\n");
    }
    return s.toString();
  }

  @Test
  void givenAFolder_whenRead_thenItsSupportedFilesInNameOrderAndTheRestListedAsIgnored() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("papers"));
    Files.writeString(dir.resolve("b.csv"), "id,title,abstract\nb1,T,A\n");
    Files.write(dir.resolve("a.jsonl.gz"), gzip("{\"id\":\"a1\",\"title\":\"T\",\"abstract\":\"A\"}\n"));
    Files.writeString(dir.resolve("notes.pdf"), "%PDF");
    Files.writeString(dir.resolve("README.md"), "# About these papers\n");
    Files.writeString(dir.resolve(".hidden.jsonl"), OK);
    Files.createDirectory(dir.resolve("sub"));

    ReadResult r = CorpusReader.read(dir);

    assertEquals(List.of("a1", "b1"), CorpusReaderTest.ids(r.corpus()));
    assertEquals(
        List.of(
            dir.resolve(".hidden.jsonl").toString(),
            dir.resolve("README.md").toString(),
            dir.resolve("notes.pdf").toString(),
            dir.resolve("sub").toString()),
        r.report().filesIgnored());
  }

  @Test
  void givenAFolderWithoutSupportedFiles_whenRead_thenTheFolderAndTheRuleNamed() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(dir.resolve("notes.pdf"), "%PDF");

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusReader.read(dir));

    assertEquals(
        dir + ": folder has no file to read (supported extensions: .bib, .csv, .json, .jsonl, .ndjson, .ris,"
            + " .tsv, .txt, each optionally .gz; hidden files and subfolders are not read)",
        e.getMessage());
  }

  @Test
  void givenAMissingPath_whenRead_thenNoSuchFileAndNothingReadBeforeIt() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.jsonl"), OK);
    Path missing = tmp.resolve("missing.jsonl");
    RecordingListener progress = new RecordingListener();

    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () -> CorpusReader.read(List.of(good, missing), CorpusReader.Options.defaults(), progress));

    assertEquals(missing + ": no such file or folder", e.getMessage());
    assertEquals(List.of(), progress.calls()); // failed before reading the good file
  }

  @Test
  void givenADevice_whenRead_thenItsKindNamedNotNoSuchFile() throws Exception {
    Path device = Path.of("/dev/null");
    assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "needs a /dev/null device");

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusReader.read(device));

    assertEquals(
        "/dev/null: is a character device, not a regular file; only regular files and folders are read (a"
            + " pipe would block: save its output to a file)",
        e.getMessage());
  }

  @Test
  void givenANamedPipeWithNoWriter_whenRead_thenRefusedAtOnceWithoutOpeningIt() throws Exception {
    Path fifo = tmp.resolve("papers.jsonl");
    assumeTrue(mkfifo(fifo), "needs mkfifo");

    CorpusFormatException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> assertThrows(CorpusFormatException.class, () -> CorpusReader.read(fifo)));

    assertEquals(
        fifo + ": is a named pipe (FIFO), not a regular file; only regular files and folders are read (a pipe"
            + " would block: save its output to a file)",
        e.getMessage());
  }

  @Test
  void givenAPipeAndAMissingFileAmongGoodOnes_whenLenient_thenEachSkippedFileNamedWithItsCause() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.jsonl"), OK);
    Path fifo = tmp.resolve("pipe.jsonl");
    assumeTrue(mkfifo(fifo), "needs mkfifo");
    Path missing = tmp.resolve("missing.csv");

    ReadResult r = assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> CorpusReader.read(List.of(fifo, good, missing), LENIENT));

    assertEquals(1, r.corpus().size());
    List<String> skipped = r.report().filesSkipped().stream().map(ReadReport.SkippedFile::message).toList();
    assertEquals(2, skipped.size());
    assertTrue(skipped.get(0).startsWith(fifo + ": is a named pipe (FIFO), not a regular file"), skipped.get(0));
    assertEquals(missing + ": no such file or folder", skipped.get(1));
  }

  @Test
  void givenAccessDenied_whenDescribed_thenPathAndCauseNamed() {
    Path p = tmp.resolve("secret.jsonl");

    CorpusFormatException e = InputFiles.problem(p, new AccessDeniedException(p.toString()));

    assertEquals(p + ": cannot be read: permission denied", e.getMessage());
  }

  @Test
  void givenAPathThroughAFile_whenRead_thenTheFileInTheWayNamed() throws Exception {
    Path file = Files.writeString(tmp.resolve("papers.txt"), OK);
    Path through = file.resolve("child.jsonl");

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusReader.read(through));

    assertEquals(
        through + ": no such file or folder: " + file.toAbsolutePath() + " is a file, not a folder", e.getMessage());
  }

  @Test
  void givenAnUnreadableFile_whenRead_thenPermissionDeniedNamed() throws Exception {
    Path p = Files.writeString(tmp.resolve("secret.jsonl"), OK);
    p.toFile().setReadable(false, false);
    assumeTrue(!Files.isReadable(p), "the file stays readable (running as root)");

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusReader.read(p));

    assertEquals(p + ": cannot be read: permission denied", e.getMessage());
  }

  @Test
  void givenGzipWithABadCrc_whenStrictOrLenient_thenNamedAndTheWholeFileSkipped() throws Exception {
    byte[] gz = gzip(jsonl(0, 500)); // more lines than format detection reads ahead
    gz[gz.length - 8] ^= 0x01; // a CRC32 byte of the trailer
    Path bad = Files.write(tmp.resolve("bad.jsonl.gz"), gz);
    Path good = Files.writeString(tmp.resolve("good.jsonl"), "{\"id\":\"g\",\"title\":\"T\",\"abstract\":\"A\"}\n");

    CorpusFormatException strict = assertThrows(CorpusFormatException.class, () -> CorpusReader.read(bad));
    ReadResult lenient = CorpusReader.read(List.of(bad, good), LENIENT);

    assertTrue(strict.getMessage().startsWith(bad + ":"), strict.getMessage());
    assertTrue(strict.getMessage().contains(": corrupt gzip data: CRC32 mismatch in member 1 (stored 0x"), strict.getMessage());
    assertEquals(List.of("g"), CorpusReaderTest.ids(lenient.corpus())); // none of the 500 papers kept
    ReadReport.SkippedFile skipped = lenient.report().filesSkipped().get(0);
    assertEquals(bad.toString(), skipped.file());
    assertEquals(500, skipped.papersDiscarded());
    assertEquals(0L, lenient.report().papersBySource().get(bad.toString()));
  }

  @Test
  void givenBytesAfterTheGzipData_whenRead_thenOffsetNamed() throws Exception {
    byte[] gz = gzip(OK);
    ByteArrayOutputStream withTail = new ByteArrayOutputStream();
    withTail.writeBytes(gz);
    withTail.writeBytes("garbage".getBytes(StandardCharsets.US_ASCII));

    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () -> CorpusReader.read(new ByteArrayInputStream(withTail.toByteArray()), "t.jsonl.gz", CorpusReader.Options.defaults()));

    assertEquals(
        "t.jsonl.gz:2: unexpected data after the end of the gzip data at byte offset "
            + gz.length
            + " (0x67); a gzip file ends after its last member",
        e.getMessage());
  }

  @Test
  void givenConcatenatedGzipMembers_whenRead_thenAllMembersRead() throws Exception {
    byte[] gz = gzip(jsonl(0, 3), jsonl(3, 5));

    ReadResult r = CorpusReader.read(new ByteArrayInputStream(gz), "c.jsonl.gz", CorpusReader.Options.defaults());

    assertEquals(List.of("0", "1", "2", "3", "4"), CorpusReaderTest.ids(r.corpus()));
  }

  @Test
  void givenACsvQuoteNeverClosed_whenRead_thenItFailsAtTheLimitNamingTheRecordStart() throws Exception {
    StringBuilder csv = new StringBuilder("title,abstract\nT,A\nU,\"never closed\n");
    for (int i = 0; i < 5000; i++) {
      csv.append("more text that the open quote swallows, line ").append(i).append('\n');
    }
    CorpusReader.Options small = CorpusReader.Options.builder().maxRecordBytes(65536).build();

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(csv.toString(), "q.csv", small));

    assertTrue(
        e.getMessage().startsWith("q.csv:3: record starting here passes the size limit of 65536 bytes (maxRecordBytes) at line "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" (an unclosed quote?)"), e.getMessage());
    assertTrue(e.line() == 3);
  }

  @Test
  void givenALongJsonLineOrListingEntry_whenRead_thenTheLimitNamed() {
    CorpusReader.Options small = CorpusReader.Options.builder().maxRecordBytes(64).build();
    String longLine = "{\"title\":\"T\",\"abstract\":\"" + "x".repeat(100) + "\"}\n";
    StringBuilder digest = new StringBuilder("Title: T\nAbstract: a\n");
    for (int i = 0; i < 600; i++) {
      digest.append("an abstract that goes on\n"); // 25 bytes: the 200 lines read ahead fit in 8 KiB
    }
    CorpusReader.Options eightKiB = CorpusReader.Options.builder().maxRecordBytes(8192).build();

    CorpusFormatException json =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(OK + longLine, "l.jsonl", small));
    CorpusFormatException listing =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(digest.toString(), "d.txt", eightKiB));
    CorpusFormatException lookAhead =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(digest.toString(), "d.txt", small));

    assertEquals(
        "l.jsonl:2: line longer than 64 bytes, the limit (maxRecordBytes; binary input?)", json.getMessage());
    assertTrue(
        listing.getMessage().startsWith("d.txt:1: record starting here passes the size limit of 8192 bytes"),
        listing.getMessage());
    assertTrue(listing.getMessage().endsWith("(a listing entry that never ends: a missing separator line?)"));
    assertEquals(
        "d.txt:1: more than 64 bytes in the 4 lines read ahead to recognize the format, the limit"
            + " (maxRecordBytes; binary input?)",
        lookAhead.getMessage());
  }

  @Test
  void givenAnUnrecognizedTextFile_whenLenient_thenReportedAsASkippedFile() throws Exception {
    Path random = Files.writeString(tmp.resolve("random.txt"), "milk\neggs\nbread\n");

    ReadResult r = CorpusReader.read(List.of(random), LENIENT);

    assertEquals(0, r.corpus().size());
    assertEquals(
        List.of(random + ": " + ListingReader.NOT_A_LISTING),
        r.report().filesSkipped().stream().map(ReadReport.SkippedFile::message).toList());
  }

  static boolean mkfifo(Path p) {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      return proc.waitFor() == 0 && Files.exists(p);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
