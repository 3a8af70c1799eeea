package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

class PaperMapCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = PaperMapCli.run(args, out, new PrintWriter(err, true));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** A progress line of a step ("papermap: tf-idf: 262 papers in 0.4 s"), printed when stderr is no terminal. */
  static boolean isProgress(String line) {
    return line.matches(
        "papermap: (read|tf-idf|svd|lsa|sparse index|flat index|hnsw index|neighbours|smoothing|save|open|search|k-means|hdbscan|topics|layout|vectorize): .*");
  }

  /** The lines of stderr that are not progress: errors, notes and reports. */
  static List<String> errorLines(String err) {
    return err.strip().lines().filter(l -> !isProgress(l) && !l.isBlank()).toList();
  }

  @Test
  void givenSampleListings_whenParsed_thenJsonlRoundTripsAllPapers() throws IOException {
    Path out = tmp.resolve("papers.jsonl");
    List<Path> inputs = DemoCommand.inputs(Path.of("data"));
    Run r = run(withInputs("parse", inputs, "-o=" + out));

    assertEquals(0, r.code(), r.err());
    Corpus original = CorpusReader.read(inputs.toArray(Path[]::new)).corpus();
    Corpus reread = CorpusReader.read(out).corpus();
    assertEquals(262, reread.size());
    for (int i = 0; i < original.size(); i++) {
      assertEquals(original.get(i).id(), reread.get(i).id());
      assertEquals(original.get(i).title(), reread.get(i).title());
      assertEquals(original.get(i).abstractText(), reread.get(i).abstractText());
      assertEquals(original.get(i).authors(), reread.get(i).authors());
      assertEquals(original.get(i).venue(), reread.get(i).venue());
    }
  }

  @Test
  void givenMissingFile_whenParsed_thenOneLineAndExit2() {
    Run r = run("parse", "-i", tmp.resolve("nope.jsonl").toString(), "-o", tmp.resolve("x.jsonl").toString());
    assertEquals(2, r.code());
    assertEquals(List.of("papermap: " + tmp.resolve("nope.jsonl") + ": no such file or folder"), errorLines(r.err()));
  }

  @Test
  void givenMalformedJsonLine_whenParsed_thenOneLineNamingFileAndLineAndExit2() throws IOException {
    Path in = tmp.resolve("bad.jsonl");
    Files.writeString(
        in, "{\"id\":\"a\",\"title\":\"T\",\"abstract\":\"A\"}\n{\"id\": broken\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("x.jsonl");
    Run r = run("parse", "-i", in.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertEquals(1, errorLines(r.err()).size(), r.err());
    assertTrue(errorLines(r.err()).get(0).startsWith("papermap: "), r.err());
    assertTrue(r.err().contains("bad.jsonl:2"), r.err());
    assertTrue(Files.notExists(out), "no partial output on failure");
  }

  @Test
  void givenUnknownOption_whenRun_thenOneLineAndExit2() {
    Run r = run("parse", "--frobnicate", "-i", "x", "-o", "-");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--frobnicate"), r.err());
    assertTrue(r.err().strip().endsWith("(see 'papermap parse --help')"), r.err());
  }

  @Test
  void givenBadInputFormatValue_whenRun_thenOneLineNamingTheOptionAndExit2() {
    Run r = run("parse", "-i", "x.txt", "--input-format", "xml", "-o", "-");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--input-format must be one of"), r.err());
  }

  @Test
  void givenOptionsRenamedIn02_whenUsed_thenTheErrorNamesTheNewSpelling() {
    assertTrue(run("parse", "-i", "x.txt", "--format", "csv", "-o", "-").err().contains("the input format is --input-format"));
    assertTrue(run("build", "-i", "x.txt", "--out", "m").err().contains("the output folder is -o/--output"));
    Run lsa = run("vectors", "-i", "x.txt", "--lsa", "8", "-o", "v");
    assertEquals(2, lsa.code());
    assertTrue(lsa.err().contains("the LSA dimension is --lsa-dims"), lsa.err());
  }

  @Test
  void givenLenientAndOneBadRecord_whenParsed_thenGoodRecordsWrittenAndSkipReported() throws IOException {
    Path in = tmp.resolve("mixed.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a\",\"title\":\"T\",\"abstract\":\"A\"}\n{\"id\":\"b\",\"title\":\"\",\"abstract\":\"B\"}\n"
            + "{\"id\":\"c\",\"title\":\"U\",\"abstract\":\"C\"}\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("ok.jsonl");
    Run r = run("parse", "--lenient", "-i", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, CorpusReader.read(out).corpus().size());
    assertTrue(r.err().contains("skipped 1 bad record"), r.err());
    assertTrue(r.err().contains("mixed.jsonl:2"), r.err());
  }

  @Test
  void givenSampleFolder_whenDemoRuns_thenEverySourceIsListed() {
    Run r = run("demo", "-i", "data");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("262 papers from 5 sources"), r.out());
    assertTrue(r.out().contains("Poster Session 6"), r.out());
    assertTrue(r.out().contains("== TF-IDF: "), r.out());
    // The feedback-graph paper (openreview:PtNyIboDIG) has "feedback" as its heaviest term.
    assertTrue(r.out().contains("feedback 0."), r.out());
    assertTrue(r.out().contains("== Related papers"), r.out());
    assertTrue(r.out().contains("because: "), r.out());
    assertTrue(r.out().contains("== Topics: "), r.out());
    String topics = r.out().substring(r.out().indexOf("== Topics: "));
    assertEquals(DemoCommand.DEMO_TOPICS, topics.lines().filter(l -> l.matches(" +\\d+ papers  \\S.*")).count(), topics);
  }

  @Test
  void givenSampleListings_whenVectorized_thenFilesMatchTheInProcessModel() throws IOException {
    List<Path> inputs = DemoCommand.inputs(Path.of("data"));
    Path prefix = tmp.resolve("seed");
    Run r =
        run(withInputs("vectors", inputs, "--preset", "sklearn", "--ngrams", "1,2", "--min-df", "2", "--sublinear",
            "--lsa-dims", "8", "-o", prefix.toString()));

    assertEquals(0, r.code(), r.err());
    Corpus corpus = CorpusReader.read(inputs, CorpusReader.Options.defaults()).corpus(); // text as read
    org.papermap.vector.TfIdfResult expected =
        new org.papermap.vector.TfIdfVectorizer(
                org.papermap.vector.TfIdfOptions.sklearnCompatible().toBuilder()
                    .analyzer(org.papermap.text.PaperAnalyzer.Options.sklearnCompatible().withNgrams(1, 2))
                    .minDf(2)
                    .tf(org.papermap.vector.TfIdfOptions.Tf.SUBLINEAR)
                    .build())
            .fitTransform(corpus);
    assertEquals(expected.matrix(), org.papermap.vector.MatrixMarket.read(Path.of(prefix + ".mtx")));
    List<String> terms = Files.readAllLines(Path.of(prefix + ".terms.txt"), StandardCharsets.UTF_8);
    assertEquals(expected.model().vocabulary().size(), terms.size());
    assertEquals(expected.model().term(17), terms.get(17));
    assertEquals(corpus.id(261), Files.readAllLines(Path.of(prefix + ".ids.txt")).get(261));
    List<String> lsa = Files.readAllLines(Path.of(prefix + ".lsa.csv"));
    assertEquals(262, lsa.size());
    assertEquals(8, lsa.get(0).split(",").length);
  }

  @Test
  void givenBadMinDf_whenVectorized_thenOneLineNamingTheOptionAndExit2() {
    Run r = run("vectors", "--input", "data/000_c6aaeef350361c33.txt", "--min-df", "two", "-o", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertEquals("papermap: --min-df must be a count (2) or a fraction (0.5), got 'two' (see 'papermap vectors --help')", r.err().strip());
  }

  static String[] withInputs(String command, List<Path> inputs, String... rest) {
    String[] args = new String[2 + inputs.size() + rest.length];
    args[0] = command;
    args[1] = "--input";
    for (int i = 0; i < inputs.size(); i++) {
      args[2 + i] = inputs.get(i).toString();
    }
    System.arraycopy(rest, 0, args, 2 + inputs.size(), rest.length);
    return args;
  }

  @Test
  void givenBuiltMap_whenRelatedAndSearchUseIt_thenSameAnswersAsFromInput() throws IOException {
    List<Path> inputs = DemoCommand.inputs(Path.of("data"));
    Path dir = tmp.resolve("map");
    assertEquals(0, run(withInputs("build", inputs, "--representation", "tfidf", "-o", dir.toString())).code());
    Path fromMap = tmp.resolve("a.jsonl");
    Path fromInput = tmp.resolve("b.jsonl");

    Run a = run("related", "--map", dir.toString(), "--id", "title:44801e3ba17a911d", "title:e1b0494cdfbb1ccf", "-k", "4", "--explain", "-o", fromMap.toString());
    Run b = run(withInputs("related", inputs, "--representation", "tfidf", "--id", "title:44801e3ba17a911d", "title:e1b0494cdfbb1ccf", "-k", "4", "--explain", "-o", fromInput.toString()));

    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    List<String> lines = Files.readAllLines(fromMap, StandardCharsets.UTF_8);
    assertEquals(lines, Files.readAllLines(fromInput, StandardCharsets.UTF_8));
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"id\":\"title:44801e3ba17a911d\",\"neighbours\":[{\"id\":"), lines.get(0));
    assertTrue(lines.get(0).contains("\"terms\":[{\"term\":"), lines.get(0));
  }

  @Test
  void givenSparseIndexWithLsa_whenRelated_thenOneLineExplainingTheRuleAndExit2() {
    Run r = run(withInputs("related", List.of(Path.of("data/000_c6aaeef350361c33.txt")), "--all", "--representation", "lsa", "--index", "sparse"));
    assertEquals(2, r.code());
    assertEquals(1, errorLines(r.err()).size(), r.err());
    assertTrue(r.err().contains("--index sparse needs --representation tfidf"), r.err());
  }

  @Test
  void givenUnknownId_whenRelated_thenOneLineNamingTheIdAndExit2() {
    Run r = run(withInputs("related", List.of(Path.of("data/000_c6aaeef350361c33.txt")), "--id", "nope"));
    assertEquals(2, r.code());
    assertEquals(List.of("papermap: --id nope: no paper with that id (see 'papermap related --help')"), errorLines(r.err()));
  }

  @Test
  void givenLsaAboveTheCorpusRank_whenVectorized_thenOneLineNamingTheBoundAndExit2() {
    Run r = run("vectors", "--input", "data/000_c6aaeef350361c33.txt", "--lsa-dims", "50", "-o", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertEquals(1, errorLines(r.err()).size(), r.err());
    assertTrue(r.err().contains("--lsa-dims must be in [1, min(papers, terms)=11], got 50"), r.err());
    assertTrue(Files.notExists(tmp.resolve("x.mtx")), "no partial output");
  }

  @Test
  void givenReadingOptionsWithASavedMap_whenRelated_thenOneLineAndExit2() {
    Run r = run("related", "--map", tmp.toString(), "--lenient", "--all");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("a --map is read as saved"), r.err());
  }

  @Test
  void givenVersionFlag_whenRun_thenPrintsVersion() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("papermap "), r.out());
  }
}
