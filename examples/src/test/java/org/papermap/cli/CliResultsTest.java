package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;
import org.papermap.cli.PaperMapCliTest.Run;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

/** What related and search print: tables on a terminal, JSON Lines with titles otherwise, batch queries. */
class CliResultsTest {
  private static final String PAPER = "data/000_c6aaeef350361c33.txt";

  @TempDir static Path shared;
  private static Path map;
  private static Corpus corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void buildMap() throws IOException {
    map = shared.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "-i", PAPER, "--representation", "tfidf", "-o", map.toString(), "-q").code());
    corpus = CorpusReader.read(Path.of(PAPER)).corpus();
  }

  /** Runs as if standard output and standard error were a terminal of the given width. */
  private static Run onTerminal(int columns, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = PaperMapCli.run(args, out, new PrintWriter(err, true), new Terminal(true, true, columns), System::nanoTime);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** The JSON objects of a JSON Lines text, each as its flat list of field names and string values. */
  private static List<String> lines(String jsonl) {
    return jsonl.lines().toList();
  }

  @Test
  void givenATerminal_whenRelatedWithExplain_thenATableWithRankScoreYearTitleIdAndReasons() {
    String id = corpus.id(0);
    Run r = onTerminal(100, "related", "--map", map.toString(), "--id", id, "-k", "3", "--explain");

    assertEquals(0, r.code(), r.err());
    List<String> lines = lines(r.out());
    assertEquals("related to " + id + ": " + corpus.get(0).title(), lines.get(0));
    assertTrue(lines.get(1).matches(" +# +score +year +title +id"), lines.get(1));
    assertTrue(lines.get(2).matches(" +1 +0\\.\\d{3} +- +\\S.* +\\S+"), lines.get(2));
    assertTrue(lines.get(3).strip().startsWith("because: "), lines.get(3));
    assertEquals(1 + 1 + 3 * 2, lines.size(), r.out());
    for (String line : lines) {
      assertTrue(line.length() <= 100, "fits 100 columns: " + line);
    }
    PaperMap.Related best;
    try (PaperMap m = PaperMap.open(map)) {
      best = m.related(id, 1).get(0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertTrue(lines.get(2).endsWith(best.id()), lines.get(2));
  }

  @Test
  void givenFormatTable_whenTitlesAreLong_thenTheyAreShortenedToTheWidthAndIdsAreWhole() {
    Run r = onTerminal(60, "related", "--map", map.toString(), "--all", "-k", "2", "--format", "table");
    assertEquals(0, r.code(), r.err());
    long tables = r.out().lines().filter(l -> l.startsWith("related to ")).count();
    assertEquals(corpus.size(), tables);
    assertTrue(r.out().contains("…"), "a shortened title");
    for (String line : lines(r.out())) {
      assertTrue(line.length() <= 60 || line.startsWith("related to ") || line.matches(".* \\S+$"), line);
    }
  }

  @Test
  void givenATerminalButAFile_whenRelated_thenJsonLinesWithTitlesAndNoTermsWithoutExplain() throws IOException {
    Path out = tmp.resolve("r.jsonl");
    Run r = onTerminal(100, "related", "--map", map.toString(), "--id", corpus.id(2), "-k", "2", "-o", out.toString());

    assertEquals(0, r.code(), r.err());
    String line = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertTrue(line.startsWith("{\"id\":\"" + corpus.id(2) + "\",\"neighbours\":[{\"id\":"), line);
    assertTrue(line.contains("\"title\":\""), line);
    assertFalse(line.contains("\"terms\""), "no terms without --explain: " + line);
    List<String> titles = stringValues(line, "title");
    List<String> ids = stringValues(line, "id").subList(1, 3);
    for (int i = 0; i < 2; i++) {
      assertEquals(corpus.byId(ids.get(i)).title(), titles.get(i), "the neighbour's own title");
    }
  }

  @Test
  void givenFormatJsonlOnATerminal_whenSearched_thenJsonLines() {
    Run r = onTerminal(100, "search", "--map", map.toString(), "--query", "online learning", "-k", "2", "--format", "jsonl");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"query\":\"online learning\",\"neighbours\":[{\"id\":"), r.out());
  }

  @Test
  void givenAQueriesFile_whenSearched_thenOneJsonLinePerQueryInInputOrder() throws IOException {
    Path queries = tmp.resolve("queries.txt");
    Files.writeString(queries, "online learning with feedback\n\n  neural networks language models \nautodiff\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out.jsonl");

    Run r = PaperMapCliTest.run("search", "--map", map.toString(), "--queries", queries.toString(), "-k", "3", "-o", out.toString());

    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines.toString());
    List<String> asked = List.of("online learning with feedback", "neural networks language models", "autodiff");
    try (PaperMap m = PaperMap.open(map)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(asked.get(i), stringValues(lines.get(i), "query").get(0));
        List<PaperMap.Related> expected = m.search(asked.get(i), 3);
        List<String> ids = stringValues(lines.get(i), "id");
        assertEquals(expected.stream().map(PaperMap.Related::id).toList(), ids, asked.get(i));
        assertEquals(expected.stream().map(x -> corpus.byId(x.id()).title()).toList(), stringValues(lines.get(i), "title"));
      }
    }
    assertTrue(r.err().contains("papermap: note: --queries " + queries + ": skipped 1 blank line"), r.err());
    assertTrue(r.err().contains("papermap: search: 3 queries in "), r.err());
  }

  @Test
  void givenAQueriesFileOnATerminal_whenSearched_thenOneTablePerQuery() throws IOException {
    Path queries = tmp.resolve("q.txt");
    Files.writeString(queries, "online learning\nlanguage models\n", StandardCharsets.UTF_8);
    Run r = onTerminal(100, "search", "--map", map.toString(), "--queries", queries.toString(), "-k", "2");
    assertEquals(0, r.code(), r.err());
    List<String> headers = r.out().lines().filter(l -> l.startsWith("search: ")).toList();
    assertEquals(List.of("search: online learning", "search: language models"), headers);
  }

  @Test
  void givenABadQueriesFile_whenSearched_thenOneLineNamingItAndExit2() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n \n");
    Run r = PaperMapCliTest.run("search", "--map", map.toString(), "--queries", empty.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("papermap: --queries " + empty + ": no query (the file has no line that is not blank)"), PaperMapCliTest.errorLines(r.err()));
    Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    r = PaperMapCliTest.run("search", "--map", map.toString(), "--queries", latin1.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("papermap: --queries " + latin1 + ": not UTF-8 text"), PaperMapCliTest.errorLines(r.err()));
    r = PaperMapCliTest.run("search", "--map", map.toString(), "--queries", tmp.resolve("nope.txt").toString());
    assertEquals(List.of("papermap: --queries " + tmp.resolve("nope.txt") + ": no such file"), PaperMapCliTest.errorLines(r.err()));
    r = PaperMapCliTest.run("search", "--map", map.toString(), "--queries", empty.toString(), "--query", "x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  @Test
  void givenAnOutputThatFailsUnexpectedly_whenWritten_thenExit1WithTheStackTrace() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new IllegalStateException("a bug in a stream");
          }

          @Override
          public void write(byte[] b, int off, int len) {
            throw new IllegalStateException("a bug in a stream");
          }
        };
    StringWriter err = new StringWriter();
    int code = PaperMapCli.run(new String[] {"related", "--map", map.toString(), "--all"}, broken, new PrintWriter(err, true));

    assertEquals(1, code, err.toString());
    assertEquals(
        "papermap: internal error (a bug; please report it with what follows): "
            + "java.lang.IllegalStateException: a bug in a stream",
        PaperMapCliTest.errorLines(err.toString()).get(0));
    assertTrue(err.toString().contains("\tat "), "the stack trace");
  }

  @Test
  void givenExitCodes_whenHelpIsShown_thenEachCommandListsThem() {
    for (String command : List.of("parse", "vectors", "build", "related", "search", "demo")) {
      Run r = PaperMapCliTest.run(command, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().contains("Exit codes:"), command);
      assertTrue(r.out().matches("(?s).*\\n +0 +done\\n +2 +bad input or usage.*\\n +1 +a bug in papermap.*"), command + ":\n" + r.out());
    }
    assertTrue(PaperMapCliTest.run("--help").out().contains("Exit codes:"));
  }

  /** Every string value of the field {@code name} in one JSON line, in order. */
  static List<String> stringValues(String line, String name) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(line)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME && p.currentName().equals(name) && p.nextToken() == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        }
      }
    }
    return out;
  }
}
