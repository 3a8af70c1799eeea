package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.progress.RecordingListener;

class CorpusReaderTest {
  @TempDir Path tmp;

  static Path fixture(String name) throws Exception {
    return Path.of(CorpusReaderTest.class.getResource("/golden/corpus/fixtures/" + name).toURI());
  }

  static CorpusReader.Options.Builder options() {
    return CorpusReader.Options.builder();
  }

  static ReadResult readString(String content, String name, CorpusReader.Options options) throws IOException {
    return CorpusReader.read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, options);
  }

  @Test
  void givenJsonLines_whenRead_thenAllFieldsMappedAndTextKeptAsRead() throws Exception {
    Corpus c = CorpusReader.read(fixture("papers.jsonl")).corpus();

    assertEquals(List.of("p1", "title:bfae9a7b707a9e66", "42", "p4"), ids(c)); // no id: title hash
    Paper p1 = c.byId("p1");
    assertEquals("Sparse Retrieval with \ufb01lters", p1.title()); // ligature kept, spaces collapsed
    assertEquals("We study x\u00b2 in tables.", p1.abstractText());
    assertEquals(List.of("Ada Lovelace", "Alan Turing"), p1.authors());
    assertEquals(2021, p1.year());
    assertEquals(LocalDate.of(2021, 6, 1), p1.date());
    assertEquals("https://example.org/p1", p1.url());
    assertEquals("NeurIPS", p1.venue());
    assertEquals(List.of("cs.IR", "cs.LG"), p1.labels()); // primary first, no repeat
    assertEquals(new Origin(fixture("papers.jsonl").toString(), 1), p1.origin());

    Paper noId = c.byId("title:bfae9a7b707a9e66");
    assertEquals("Abstract from the text field.", noId.abstractText());
    assertEquals(List.of("Grace Hopper", "Edsger Dijkstra"), noId.authors());
    assertEquals(2019, noId.year());
    assertEquals(List.of("stat.ML"), noId.labels());

    assertEquals(LocalDate.of(2020, 2, 29), c.byId("42").date());
    assertEquals(2020, c.byId("42").year()); // year from date
    assertEquals(LocalDate.of(2018, 7, 1), c.byId("p4").date()); // yyyy-MM: first of the month
  }

  @Test
  void givenNormalizationNfkc_whenRead_thenCompatibilityCharactersFoldedAndIdsUnchanged() throws Exception {
    ReadResult r =
        CorpusReader.read(
            List.of(fixture("papers.jsonl")), options().normalization(TextNormalization.NFKC).build());

    Paper p1 = r.corpus().byId("p1");
    assertEquals("Sparse Retrieval with filters", p1.title());
    assertEquals("We study x2 in tables.", p1.abstractText());
    assertEquals(ids(CorpusReader.read(fixture("papers.jsonl")).corpus()), ids(r.corpus()));
  }

  @Test
  void givenCsvWithMultiLineQuotedField_whenRead_thenRecordsAndFirstLinesAreRight() throws Exception {
    Corpus c = CorpusReader.read(fixture("papers.csv")).corpus();
    String secondId = PaperIds.titleId(c.get(1).title());

    assertEquals(List.of("c1", secondId, "c3"), ids(c));
    Paper c1 = c.byId("c1");
    assertEquals("Graph \"neural\" nets", c1.title());
    assertEquals("Line one line two", c1.abstractText());
    assertEquals(List.of("Ada Lovelace", "Alan Turing"), c1.authors()); // ';' wins over ','
    assertEquals(2020, c1.year());
    assertEquals(List.of("cs.LG", "stat.ML"), c1.labels());
    assertEquals("ICML", c1.venue());
    assertEquals(2, c1.origin().line());
    Paper second = c.byId(secondId);
    assertEquals(4, second.origin().line()); // the record after a two-line record starts on line 4
    assertEquals(List.of("Grace Hopper", "Edsger Dijkstra"), second.authors());
    assertEquals(LocalDate.of(2019, 5, 4), second.date());
    assertEquals(List.of("cs.AI", "cs.LG"), second.labels());
    assertEquals(6, c.byId("c3").origin().line()); // after a blank line
    assertNull(c.byId("c3").year());
    assertEquals(List.of(), c.byId("c3").authors());
  }

  @Test
  void givenTsvAndColumnMapping_whenRead_thenMappedColumnsUsed() throws Exception {
    CsvColumns columns = CsvColumns.parse("title=Paper Title,abstract=summary,authors=Writers,id=");

    ReadResult r = CorpusReader.read(List.of(fixture("papers.tsv")), options().csvColumns(columns).build());

    Corpus c = r.corpus();
    assertEquals(List.of(PaperIds.titleId(c.get(0).title()), PaperIds.titleId(c.get(1).title())), ids(c));
    assertEquals("First tab abstract", c.get(0).abstractText());
    assertEquals(List.of("A. One", "B. Two"), c.get(0).authors());
    assertEquals(List.of(), c.get(1).authors());
  }

  @Test
  void givenArxivSnapshot_whenReadWithAuto_thenDumpFieldsMapped() throws Exception {
    Corpus c = CorpusReader.read(fixture("arxiv-snapshot.jsonl")).corpus();

    Paper p = c.byId("0704.0001");
    assertEquals(
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", p.title());
    assertTrue(p.abstractText().startsWith("A fully differential calculation in perturbative quantum"));
    assertEquals(List.of("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"), p.authors());
    assertEquals(LocalDate.of(2007, 4, 2), p.date()); // versions[0].created, not update_date
    assertEquals(2007, p.year());
    assertEquals(List.of("hep-ph"), p.labels());
    assertEquals("https://arxiv.org/abs/0704.0001", p.url());
    assertEquals("Phys.Rev.D76:013009,2007", p.venue());

    assertEquals(LocalDate.of(2009, 10, 31), c.byId("math/0211159").date()); // update_date fallback
    Paper old = c.byId("hep-th/9901001");
    assertNull(old.date());
    assertEquals(1999, old.year()); // from the old-style id
    assertEquals(List.of("A. Author", "B. Author"), old.authors());
    assertEquals(List.of("hep-th", "math.QA"), old.labels());
    Paper neu = c.byId("2503.11677");
    assertEquals(2025, neu.year()); // from the new-style id
    assertEquals(List.of("X Y", "Z W", "Q R"), neu.authors());
    assertEquals(List.of("cs.LG", "stat.ML"), neu.labels());
  }

  @Test
  void givenArxivIds_whenYearDerived_thenBothIdStylesAndUnknownHandled() {
    assertEquals(2025, ArxivJson.yearFromArxivId("2503.11677"));
    assertEquals(2007, ArxivJson.yearFromArxivId("0704.0001v2"));
    assertEquals(1999, ArxivJson.yearFromArxivId("hep-th/9901001"));
    assertEquals(2003, ArxivJson.yearFromArxivId("math.GT/0309136"));
    assertNull(ArxivJson.yearFromArxivId("not-an-id"));
  }

  @Test
  void givenGzipWithAndWithoutGzExtension_whenRead_thenSameAsPlain() throws Exception {
    byte[] plain = Files.readAllBytes(fixture("papers.jsonl"));
    Path gz = tmp.resolve("papers.jsonl.gz");
    Path disguised = tmp.resolve("papers.jsonl");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(plain);
    }
    Files.copy(gz, disguised); // gzip bytes under a plain name: found by the magic bytes

    Corpus expected = CorpusReader.read(fixture("papers.jsonl")).corpus();
    Corpus fromGz = CorpusReader.read(gz).corpus();
    Corpus fromDisguised = CorpusReader.read(disguised).corpus();

    assertEquals(texts(expected), texts(fromGz));
    assertEquals(texts(expected), texts(fromDisguised));
    assertEquals(ids(expected), ids(fromGz)); // ids never depend on the file name
  }

  @Test
  void givenUnknownExtensions_whenAuto_thenContentSniffed() throws Exception {
    CorpusReader.Options o = CorpusReader.Options.defaults();

    ReadResult json = readString("\n{\"id\":\"j\",\"title\":\"T\",\"abstract\":\"A\"}\n", "x.data", o);
    ReadResult csv = readString("Title,Abstract\nT1,A1\n", "x.data", o);
    ReadResult tsv = readString("title\tabstract\nT1\tA1\n", "x.data", o);
    ReadResult listing = readString(Files.readString(fixture("poster-list.txt")), "posters.data", o);

    assertEquals("j", json.corpus().get(0).id());
    assertEquals("A1", csv.corpus().get(0).abstractText());
    assertEquals("A1", tsv.corpus().get(0).abstractText());
    assertEquals(3, listing.corpus().size());
  }

  @Test
  void givenExplicitFormat_whenExtensionDisagrees_thenFormatWins() throws Exception {
    String json = "{\"id\":\"j\",\"title\":\"T\",\"abstract\":\"A\",\"categories\":\"cs.LG\",\"update_date\":\"2020-01-02\"}\n";

    ReadResult asJsonl = readString(json, "notes.txt", options().format(CorpusFormat.JSONL).build());
    ReadResult asArxiv = readString(json, "notes.txt", options().format(CorpusFormat.ARXIV).build());

    assertEquals(List.of(), asJsonl.corpus().get(0).labels()); // JSONL ignores "categories"
    assertEquals(List.of("cs.LG"), asArxiv.corpus().get(0).labels());
    assertEquals("https://arxiv.org/abs/j", asArxiv.corpus().get(0).url());
  }

  @Test
  void givenPosterListWithoutHeader_whenRead_thenTriplesParsedAndIdsFromTitles() throws Exception {
    Corpus c = CorpusReader.read(fixture("poster-list.txt")).corpus();

    assertEquals(
        List.of(
            PaperIds.titleId(c.get(0).title()),
            PaperIds.titleId(c.get(1).title()),
            PaperIds.titleId(c.get(2).title())),
        ids(c));
    assertEquals(List.of("Grace Hopper", "Edsger Dijkstra", "Barbara Liskov"), c.get(1).authors());
    assertEquals(List.of("Donald Knuth"), c.get(2).authors());
    assertNull(c.get(0).venue());
  }

  @Test
  void givenSeveralFiles_whenRead_thenOneCorpusInOrderAndCountsPerSource() throws Exception {
    List<Path> paths = List.of(fixture("papers.jsonl"), fixture("papers.csv"), fixture("arxiv-snapshot.jsonl"));

    ReadResult r = CorpusReader.read(paths, CorpusReader.Options.defaults());

    assertEquals(11, r.corpus().size());
    assertEquals(11, r.report().papersRead());
    assertEquals("p1", r.corpus().get(0).id());
    assertEquals("c1", r.corpus().get(4).id());
    Map<String, Long> bySource = r.report().papersBySource();
    assertEquals(List.of(paths.get(0).toString(), paths.get(1).toString(), paths.get(2).toString()),
        List.copyOf(bySource.keySet()));
    assertEquals(List.of(4L, 3L, 4L), List.copyOf(bySource.values()));
  }

  @Test
  void givenProgressListener_whenTwoFilesRead_thenOneReadStepCountsTheBytesOfBoth() throws Exception {
    RecordingListener progress = new RecordingListener();
    Path csv = fixture("papers.csv");
    Path jsonl = fixture("papers.jsonl");
    long total = Files.size(csv) + Files.size(jsonl);

    ReadResult r = CorpusReader.read(List.of(csv, jsonl), options().build(), progress);

    assertEquals(List.of("read"), progress.steps());
    assertEquals("begin read " + total + " bytes", progress.calls().get(0));
    assertEquals(total, progress.lastDone("read"));
    assertTrue(progress.allEnded());
    assertEquals(CorpusReader.read(List.of(csv, jsonl), options().build()).corpus().size(), r.corpus().size());
  }

  @Test
  void givenBomAndCrLf_whenRead_thenIgnored() throws Exception {
    ReadResult r = readString("\ufeff{\"title\":\"T\",\"abstract\":\"A\"}\r\n", "bom.jsonl", CorpusReader.Options.defaults());

    assertEquals(PaperIds.titleId("T"), r.corpus().get(0).id());
    assertEquals("A", r.corpus().get(0).abstractText());
  }

  static List<String> ids(Corpus c) {
    List<String> ids = new ArrayList<>();
    for (Paper p : c) {
      ids.add(p.id());
    }
    return ids;
  }

  static List<String> texts(Corpus c) {
    List<String> t = new ArrayList<>();
    for (Paper p : c) {
      t.add(p.text());
    }
    return t;
  }
}
