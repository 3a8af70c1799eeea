package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives a message naming the file, the line and the rule broken. */
class CorpusReaderErrorTest {
  @TempDir Path tmp;

  private static final CorpusReader.Options STRICT = CorpusReader.Options.defaults();
  private static final CorpusReader.Options LENIENT = CorpusReader.Options.builder().lenient(true).build();

  static ReadResult read(byte[] content, String name, CorpusReader.Options options) throws IOException {
    return CorpusReader.read(new ByteArrayInputStream(content), name, options);
  }

  static ReadResult read(String content, String name, CorpusReader.Options options) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8), name, options);
  }

  static String strictError(String content, String name) {
    return assertThrows(CorpusFormatException.class, () -> read(content, name, STRICT)).getMessage();
  }

  static final String OK = "{\"id\":\"a\",\"title\":\"T\",\"abstract\":\"A\"}\n";

  @Test
  void givenMalformedJsonLine_whenStrict_thenFileLineAndParserMessage() {
    String message = strictError(OK + "{\"id\":\"b\",\"title\":\"T\",\"abstract\": }\n", "bad.jsonl");

    assertTrue(message.startsWith("bad.jsonl:2: malformed JSON at column "), message);
    assertTrue(message.contains("Unexpected character ('}'"), message);
  }

  @Test
  void givenTwoObjectsOnOneLineOrAnArray_whenStrict_thenOneObjectPerLineRule() {
    assertEquals(
        "two.jsonl:1: malformed JSON: more content (an object) after the object; one object per line",
        strictError(OK.strip() + OK, "two.jsonl"));
    assertEquals(
        "arr.json:1: one JSON document, not JSON Lines (one paper object per line); convert it with"
            + " jq -c '.[]' (an array), jq -c '.data[]' (Semantic Scholar) or jq -c '.results[]' (OpenAlex)",
        strictError("[" + OK.strip() + "]\n", "arr.json"));
    assertEquals(
        "arr.jsonl:2: expected one JSON object per line (JSON Lines), found an array",
        strictError(OK + "[1]\n", "arr.jsonl"));
  }

  @Test
  void givenMissingOrEmptyTitle_whenStrict_thenNamed() {
    assertEquals("t.jsonl:1: missing field 'title'", strictError("{\"abstract\":\"A\"}\n", "t.jsonl"));
    assertEquals(
        "t.jsonl:2: empty field 'title'", strictError(OK + "{\"id\":\"b\",\"title\":\" \\n\",\"abstract\":\"A\"}", "t.jsonl"));
  }

  @Test
  void givenMissingOrEmptyAbstract_whenStrict_thenNamed() {
    assertEquals("a.jsonl:1: missing field 'abstract'", strictError("{\"title\":\"T\",\"abstract\":null}\n", "a.jsonl"));
    assertEquals("a.jsonl:1: empty field 'abstract'", strictError("{\"title\":\"T\",\"text\":\"\"}\n", "a.jsonl"));
    assertEquals("a.csv:3: empty field 'abstract'", strictError("title,abstract\nT,A\nU,\n", "a.csv"));
  }

  @Test
  void givenDuplicateIdInOneFile_whenStrict_thenBothPlacesNamed() {
    assertEquals(
        "d.jsonl:3: duplicate id 'a' (first at d.jsonl:1)", strictError(OK + "\n" + OK, "d.jsonl"));
  }

  @Test
  void givenDuplicateIdAcrossFiles_whenStrict_thenBothFilesNamed() throws Exception {
    Path first = Files.writeString(tmp.resolve("one.jsonl"), OK);
    Path second = Files.writeString(tmp.resolve("two.csv"), "id,title,abstract\nb,T,A\na,T,A\n");

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> CorpusReader.read(first, second));

    assertEquals(second + ":3: duplicate id 'a' (first at " + first + ":1)", e.getMessage());
    assertEquals(3, e.line());
    assertEquals(second.toString(), e.file());
  }

  @Test
  void givenEmptyOrBlankFile_whenStrict_thenNoPapersFound() {
    assertEquals("e.jsonl: no papers found", strictError("", "e.jsonl"));
    assertEquals("e.csv: no papers found", strictError("\n\n", "e.csv"));
    assertEquals("e.csv: no papers found", strictError("title,abstract\n", "e.csv"));
    assertEquals("e.txt: no papers found", strictError(" \n", "e.txt"));
  }

  @Test
  void givenInvalidUtf8_whenStrict_thenFileLineAndByteNamed() {
    byte[] bad = (OK + "{\"title\":\"caf\u00e9\",\"abstract\":\"A\"}\n").getBytes(StandardCharsets.ISO_8859_1);

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(bad, "u.jsonl", STRICT));

    assertEquals("u.jsonl:2: invalid UTF-8: malformed byte sequence at byte 14 of the line (0xE9)", e.getMessage());
  }

  @Test
  void givenInvalidUtf8InsideCsvRecord_whenStrict_thenLineNamed() {
    byte[] bad = "title,abstract\nT,\"multi\nline \u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);

    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> read(bad, "u.csv", STRICT));

    assertEquals("u.csv:3: invalid UTF-8: malformed byte sequence at byte 6 of the line (0xE9)", e.getMessage());
  }

  @Test
  void givenCsvMissingRequiredColumns_whenStrict_thenMissingColumnAndHeaderNamed() {
    assertEquals(
        "m.csv:1: missing required column 'abstract' (abstract); header found: id, title, summary",
        strictError("id,title,summary\n1,T,S\n", "m.csv"));
    assertEquals(
        "m.csv:2: missing required columns 'title' (title), 'abstract' (abstract); header found: name",
        strictError("\nname\nx\n", "m.csv"));
  }

  @Test
  void givenCsvRecordWithWrongWidthOrOpenQuote_whenStrict_thenNamed() {
    assertEquals(
        "w.csv:3: record has 3 fields but the header has 2 (unbalanced quotes?)",
        strictError("title,abstract\nT,A\nU,B,C\n", "w.csv"));
    String open = strictError("title,abstract\nT,\"never closed\n", "q.csv");
    assertTrue(open.startsWith("q.csv:"), open);
    assertTrue(open.contains("malformed CSV: "), open);
  }

  @Test
  void givenUnrecognizableListing_whenStrict_thenShapesListed() {
    assertEquals(
        "notes.txt: not a recognized paper listing (expected one of: email digest, session page, poster"
            + " list, daily feed)",
        strictError("Shopping list\n\nmilk\neggs\n", "notes.txt"));
  }

  @Test
  void givenListingEntryWithoutAbstract_whenStrict_thenEntryLineNamed() {
    String digest = "Title: One\nAuthors: A\nAbstract: text\n---\nTitle: Two\nAuthors: B\nURL: https://x\n";

    assertEquals("d.txt:5: missing field 'abstract'", strictError(digest, "d.txt"));
  }

  @Test
  void givenWrongTypedFields_whenStrict_thenFieldAndTypeNamed() {
    assertEquals(
        "y.jsonl:1: field 'year' must be an integer year, got 'abc'",
        strictError("{\"title\":\"T\",\"abstract\":\"A\",\"year\":\"abc\"}", "y.jsonl"));
    assertEquals(
        "y.jsonl:1: field 'authors' must be an array of strings or a comma-separated string, got an object",
        strictError("{\"title\":\"T\",\"abstract\":\"A\",\"authors\":{\"name\":\"X\"}}", "y.jsonl"));
    assertEquals(
        "y.jsonl:1: field 'title' must be a string, got a number",
        strictError("{\"title\":7,\"abstract\":\"A\"}", "y.jsonl"));
    assertEquals(
        "y.jsonl:1: field 'labels[]' must be a string, got an array",
        strictError("{\"title\":\"T\",\"abstract\":\"A\",\"labels\":[[]]}", "y.jsonl"));
    assertEquals(
        "y.jsonl:1: field 'date' must be an ISO date (yyyy-MM-dd, yyyy-MM, yyyy or a timestamp), got '5 May'",
        strictError("{\"title\":\"T\",\"abstract\":\"A\",\"date\":\"5 May\"}", "y.jsonl"));
    assertEquals(
        "y.csv:2: field 'year' must be an integer year, got 'MMXX'",
        strictError("title,abstract,year\nT,A,MMXX\n", "y.csv"));
  }

  @Test
  void givenArxivRecordWithBadDate_whenStrict_thenNamed() {
    String line =
        "{\"id\":\"1\",\"title\":\"T\",\"abstract\":\"A\",\"categories\":\"cs.LG\",\"versions\":[{\"created\":\"yesterday\"}]}";

    assertEquals(
        "x.jsonl:1: field 'versions[0].created' must be an RFC 1123 date, got 'yesterday'",
        strictError(line, "x.jsonl"));
  }

  @Test
  void givenTruncatedGzip_whenStrict_thenCorruptGzipNamed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 200; i++) {
        gz.write(("{\"id\":\"" + i + "\",\"title\":\"T\",\"abstract\":\"A\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> read(truncated, "t.jsonl.gz", STRICT));

    assertTrue(e.getMessage().startsWith("t.jsonl.gz:"), e.getMessage());
    assertTrue(
        e.getMessage().contains(": truncated gzip data: the file ends inside member 1 (an incomplete download?)"),
        e.getMessage());
  }

  @Test
  void givenBadRecords_whenLenient_thenSkippedCountedAndReportedInOrder() throws Exception {
    byte[] invalid = "{\"id\":\"u\",\"title\":\"caf\u00e9\",\"abstract\":\"A\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(OK.getBytes(StandardCharsets.UTF_8));
    content.writeBytes("{not json}\n{\"id\":\"c\",\"title\":\"T\"}\n".getBytes(StandardCharsets.UTF_8));
    content.writeBytes(invalid);
    content.writeBytes((OK + "{\"id\":\"e\",\"title\":\"T\",\"abstract\":\"A\"}\n").getBytes(StandardCharsets.UTF_8));

    ReadResult r = read(content.toByteArray(), "l.jsonl", LENIENT);

    assertEquals(List.of("a", "e"), CorpusReaderTest.ids(r.corpus()));
    assertEquals(2, r.report().papersRead());
    assertEquals(4, r.report().recordsSkipped());
    List<String> errors = r.report().firstErrors();
    assertEquals(4, errors.size());
    assertTrue(errors.get(0).startsWith("l.jsonl:2: malformed JSON"), errors.get(0));
    assertEquals("l.jsonl:3: missing field 'abstract'", errors.get(1));
    assertEquals("l.jsonl:4: invalid UTF-8: malformed byte sequence at byte 23 of the line (0xE9)", errors.get(2));
    assertEquals("l.jsonl:5: duplicate id 'a' (first at l.jsonl:1)", errors.get(3));
  }

  @Test
  void givenMoreErrorsThanTheLimit_whenLenient_thenAllCountedFirstKept() throws Exception {
    StringBuilder s = new StringBuilder(OK);
    for (int i = 0; i < 5; i++) {
      s.append("{\"title\":\"T").append(i).append("\"}\n");
    }

    ReadResult r =
        read(s.toString(), "m.jsonl", CorpusReader.Options.builder().lenient(true).maxReportedErrors(2).build());

    assertEquals(5, r.report().recordsSkipped());
    assertEquals(List.of("m.jsonl:2: missing field 'abstract'", "m.jsonl:3: missing field 'abstract'"),
        r.report().firstErrors());
  }

  @Test
  void givenBadAndEmptyFilesAmongGoodOnes_whenLenient_thenGoodPapersKeptAndEveryFileReported() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.jsonl"), OK);
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
    Path allBad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"title\":\"T\"}\n");
    Path noColumns = Files.writeString(tmp.resolve("cols.csv"), "name\nx\n");
    Path notListing = Files.writeString(tmp.resolve("notes.txt"), "milk\neggs\n");

    ReadResult r = CorpusReader.read(List.of(good, empty, allBad, noColumns, notListing), LENIENT);

    assertEquals(1, r.corpus().size());
    assertEquals(1, r.report().recordsSkipped());
    assertEquals(List.of(allBad + ":1: missing field 'abstract'"), r.report().firstErrors());
    assertEquals(
        List.of(
            empty + ": no papers found",
            allBad + ": no papers found",
            noColumns + ":1: missing required columns 'title' (title), 'abstract' (abstract); header found: name",
            notListing + ": " + ListingReader.NOT_A_LISTING),
        r.report().filesSkipped().stream().map(ReadReport.SkippedFile::message).toList());
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L), List.copyOf(r.report().papersBySource().values()));
    assertTrue(r.report().skippedAny());
  }

  @Test
  void givenBadArguments_whenRead_thenIllegalArgumentNamesParameter() {
    IllegalArgumentException noPaths =
        assertThrows(IllegalArgumentException.class, () -> CorpusReader.read(List.of(), STRICT));
    assertEquals("paths must not be empty", noPaths.getMessage());
    IllegalArgumentException blankName =
        assertThrows(
            IllegalArgumentException.class,
            () -> CorpusReader.read(new ByteArrayInputStream(new byte[0]), " ", STRICT));
    assertEquals("sourceName must not be blank", blankName.getMessage());
    NullPointerException nullPath =
        assertThrows(NullPointerException.class, () -> CorpusReader.read(Arrays.asList((Path) null), STRICT));
    assertEquals("paths[0]", nullPath.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> CorpusReader.Options.builder().maxReportedErrors(-1).build());
    assertEquals("maxReportedErrors must be >= 0, got -1", negative.getMessage());
    IllegalArgumentException limit =
        assertThrows(
            IllegalArgumentException.class, () -> CorpusReader.Options.builder().maxRecordBytes(0).build());
    assertEquals("maxRecordBytes must be >= 1, got 0", limit.getMessage());
  }
}
