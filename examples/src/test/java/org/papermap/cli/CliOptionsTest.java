package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import org.papermap.cli.PaperMapCliTest.Run;
import org.papermap.corpus.CorpusReader;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.MatrixMarket;
import org.papermap.vector.TfIdfOptions;

/** One vocabulary: the same flags mean the same on every command, with the library's defaults. */
class CliOptionsTest {
  private static final String PAPER = "data/000_c6aaeef350361c33.txt";

  @TempDir Path tmp;

  /** The long option names a command's help lists. */
  private static List<String> options(String command) {
    Run r = PaperMapCliTest.run(command, "--help");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("(?m)^ +(?:-\\w, )?(--\\[no-]\\w[\\w-]*|--\\w[\\w-]*|-k)").matcher(r.out());
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1).replace("[no-]", ""));
    }
    return names;
  }

  @Test
  void givenEachCommand_whenHelpIsShown_thenItListsOnlyWhatTheCommandAccepts() {
    List<String> analysis =
        List.of("--preset", "--ngrams", "--min-df", "--max-df", "--max-features", "--sublinear", "--stop-words", "--stemmer",
            "--idf", "--title-weight");
    List<String> weights = List.of("--hybrid-weight", "--smoothing", "--feedback", "--term-boost");
    List<String> reading = List.of("--input", "--input-format", "--lenient", "--columns");

    List<String> build = options("build");
    assertTrue(build.containsAll(analysis) && build.containsAll(reading), build.toString());
    assertTrue(build.containsAll(List.of("--output", "--force", "--representation", "--index", "--lsa-dims", "--threads", "--seed")), build.toString());
    assertTrue(build.containsAll(weights), build.toString());
    for (String absent : List.of("--map", "--id", "--all", "--query", "--format", "--explain", "-k", "--out")) {
      assertFalse(build.contains(absent), "build --help lists " + absent);
    }
    for (String command : List.of("related", "search")) {
      List<String> o = options(command);
      assertTrue(o.containsAll(analysis) && o.containsAll(reading) && o.containsAll(weights), command + o);
      assertTrue(o.containsAll(List.of("--map", "--format", "--explain", "-k", "--output", "--threads", "--seed", "--lsa-dims")), command + o);
      assertFalse(o.contains("--force"), command + o);
    }
    assertTrue(options("search").containsAll(List.of("--query", "--queries")));
    List<String> vectors = options("vectors");
    assertTrue(vectors.containsAll(analysis) && vectors.containsAll(List.of("--lsa-dims", "--threads", "--seed", "--output")), vectors.toString());
    for (String absent : List.of("--representation", "--index", "--map", "--format", "--lsa", "--smoothing", "--hybrid-weight")) {
      assertFalse(vectors.contains(absent), "vectors --help lists " + absent);
    }
    List<String> parse = options("parse");
    assertTrue(parse.containsAll(reading) && parse.containsAll(List.of("--output", "--normalize", "--quiet")), parse.toString());
    for (String absent : List.of("--lsa-dims", "--threads", "--format", "--preset", "--map")) {
      assertFalse(parse.contains(absent), "parse --help lists " + absent);
    }
  }

  @Test
  void givenHelp_whenDefaultsAreShown_thenTheyComeFromTheLibrary() {
    String help = PaperMapCliTest.run("build", "--help").out().replaceAll("\\s+", " ");
    TfIdfOptions d = PaperMapOptions.DEFAULT_TFIDF;
    assertTrue(help.contains("(default: " + (long) d.minDf().value() + "; sklearn: 1)"), help);
    assertTrue(help.contains("(default: " + d.maxDf().value() + "; sklearn: 1.0)"), help);
    assertTrue(help.contains("LSA dimensions (default: " + PaperMapOptions.DEFAULT_LSA_DIMENSIONS + ","), help);
    assertTrue(help.contains("(default: " + ComputeOptions.defaultThreads() + ", the machine's cores)"), help);
    assertTrue(help.contains("(default: " + PaperMapOptions.DEFAULT_SEED + ")"), help);
    assertTrue(help.contains("(default: " + d.idf().name().toLowerCase(java.util.Locale.ROOT) + "; sklearn: smooth)"), help);
    assertTrue(help.contains("(default: " + d.titleWeight() + "; sklearn: 1)"), help);
    assertTrue(help.contains("(default: " + PaperMapOptions.DEFAULT_SMOOTHING_NEIGHBOURS + ")"), help);
    assertTrue(help.contains("(default: " + PaperMapOptions.DEFAULT_HYBRID_WEIGHT + ")"), help);
  }

  @Test
  void givenEveryAnalysisFlag_whenBuilt_thenTheMapStoresExactlyThoseOptions() throws IOException {
    Path map = tmp.resolve("map");
    Run r = PaperMapCliTest.run("build", "-i", PAPER, "-o", map.toString(), "--preset", "sklearn", "--ngrams", "1,2",
        "--min-df", "1", "--max-df", "0.9", "--max-features", "500", "--sublinear", "--stop-words", "english",
        "--stemmer", "porter", "--representation", "lsa", "--index", "hnsw", "--lsa-dims", "6", "--threads", "3",
        "--seed", "7", "--idf", "bm25", "--title-weight", "3", "--hybrid-weight", "0.3", "--smoothing", "5",
        "--feedback", "0", "--term-boost", "0.5", "-q");
    assertEquals(0, r.code(), r.err());

    TfIdfOptions expected =
        TfIdfOptions.sklearnCompatible().toBuilder()
            .analyzer(PaperAnalyzer.Options.sklearnCompatible().toBuilder().ngrams(1, 2)
                .stopWords(PaperAnalyzer.StopWords.LUCENE_ENGLISH).stemmer(PaperAnalyzer.Stemmer.PORTER).build())
            .minDf(1).maxDfFraction(0.9).maxFeatures(500).tf(TfIdfOptions.Tf.SUBLINEAR).parallelism(3)
            .idf(TfIdfOptions.Idf.BM25).titleWeight(3f).build();
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals(expected, m.options().tfidf());
      assertEquals(Representation.LSA, m.options().representation());
      assertEquals(PaperMapOptions.DenseIndex.HNSW, m.options().denseIndex());
      assertEquals(6, m.options().lsaDimensions());
      assertEquals(7, m.options().seed());
      assertEquals(3, m.options().parallelism());
      assertEquals(500, m.tfidf().model().vocabulary().size());
      assertEquals(0.3, m.options().hybridWeight());
      assertEquals(5, m.options().smoothingNeighbours());
      assertEquals(0, m.options().feedbackPapers());
      assertEquals(0.5, m.options().queryTermBoost());
    }
  }

  @Test
  void givenThe01Flags_whenBuilt_thenTheMapHasThe01AnalysisAndWeights() throws IOException {
    // The "0.1 defaults" row of docs/bench/quality.md, from the command line.
    Path map = tmp.resolve("map01");
    Run r = PaperMapCliTest.run("build", "-i", PAPER, "-o", map.toString(), "--ngrams", "1,1", "--idf", "smooth",
        "--title-weight", "1", "--lsa-dims", "100", "--smoothing", "0", "--feedback", "0", "--term-boost", "0", "-q");
    assertEquals(0, r.code(), r.err());
    try (PaperMap m = PaperMap.open(map)) {
      TfIdfOptions t = m.options().tfidf();
      assertEquals(TfIdfOptions.Idf.SMOOTH, t.idf());
      assertEquals(1f, t.titleWeight());
      assertEquals(1, t.analyzer().ngramMax());
      assertEquals(0, m.options().smoothingNeighbours());
    }
  }

  @Test
  void givenNoFlags_whenVectorsAndBuildRun_thenTheyAgreeOnTheLibraryDefaults() throws IOException {
    Path map = tmp.resolve("map");
    Path prefix = tmp.resolve("v");
    assertEquals(0, PaperMapCliTest.run("build", "-i", "data", "-o", map.toString(), "--representation", "tfidf", "-q").code());
    assertEquals(0, PaperMapCliTest.run("vectors", "-i", "data", "-o", prefix.toString(), "-q").code());
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals(m.tfidf().matrix(), MatrixMarket.read(Path.of(prefix + ".mtx")));
      assertEquals(PaperMapOptions.DEFAULT_TFIDF.toBuilder().parallelism(ComputeOptions.defaultThreads()).build(), m.options().tfidf());
    }
  }

  @Test
  void givenNoSublinear_whenVectorized_thenRawCountsAsAsked() throws IOException {
    Path raw = tmp.resolve("raw");
    Path sub = tmp.resolve("sub");
    assertEquals(0, PaperMapCliTest.run("vectors", "-i", PAPER, "--no-sublinear", "--min-df", "1", "--max-df", "1.0", "-o", raw.toString(), "-q").code());
    assertEquals(0, PaperMapCliTest.run("vectors", "-i", PAPER, "--min-df", "1", "--max-df", "1.0", "-o", sub.toString(), "-q").code());
    assertFalse(MatrixMarket.read(Path.of(raw + ".mtx")).equals(MatrixMarket.read(Path.of(sub + ".mtx"))));
  }

  @Test
  void givenBuildFlagsWithASavedMap_whenQueried_thenOneLineSayingTheyApplyWhenBuilding() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "-i", PAPER, "-o", map.toString(), "--representation", "tfidf", "-q").code());
    for (String[] flag : List.of(new String[] {"--min-df", "3"}, new String[] {"--threads", "2"}, new String[] {"--stemmer", "none"},
        new String[] {"--smoothing", "3"}, new String[] {"--idf", "smooth"})) {
      Run r = PaperMapCliTest.run("search", "--map", map.toString(), "--query", "graphs", flag[0], flag[1]);
      assertEquals(2, r.code(), r.err());
      assertEquals(1, PaperMapCliTest.errorLines(r.err()).size(), r.err());
      assertTrue(r.err().contains("apply when building; a --map is used as saved"), r.err());
    }
  }

  @Test
  void givenBadFlagValues_whenRun_thenOneLineNamingTheFlag() {
    assertTrue(PaperMapCliTest.run("build", "-i", PAPER, "-o", tmp.resolve("m").toString(), "--threads", "0").err()
        .contains("--threads must be in [1, 256], got 0"));
    assertTrue(PaperMapCliTest.run("related", "-i", PAPER, "--all", "--ngrams", "2,1").err().contains("--ngrams 2,1: "));
    Run r = PaperMapCliTest.run("related", "-i", PAPER, "--all", "--min-df", "3", "--max-df", "2");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--max-df (count:2) must not be below --min-df (count:3)"), r.err());
    assertTrue(PaperMapCliTest.run("search", "-i", PAPER, "--query", "x", "--preset", "bm25").err()
        .contains("--preset must be papermap or sklearn, got 'bm25'"));
    assertTrue(PaperMapCliTest.run("build", "-i", PAPER, "-o", tmp.resolve("m").toString(), "--lsa-dims", "0").err()
        .contains("--lsa-dims must be in [1, 4096], got 0"));
    r = PaperMapCliTest.run("build", "-i", PAPER, "-o", tmp.resolve("m").toString(), "--hybrid-weight", "1.5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--hybrid-weight must be in [0, 1], got 1.5"), r.err());
    r = PaperMapCliTest.run("build", "-i", PAPER, "-o", tmp.resolve("m").toString(), "--title-weight", "-1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--title-weight must be finite and in [0, 100.0], got -1.0"), r.err());
    r = PaperMapCliTest.run("build", "-i", PAPER, "-o", tmp.resolve("m").toString(), "--idf", "tfidf");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--idf"), r.err());
  }

  @Test
  void givenThreePapers_whenRelatedWithTheDefaults_thenAnswersAndANoteInsteadOfAnError() throws IOException {
    Path three = tmp.resolve("three.jsonl");
    Files.writeString(three,
        "{\"id\":\"a\",\"title\":\"Graph neural networks\",\"abstract\":\"Message passing on molecular graphs.\"}\n"
            + "{\"id\":\"b\",\"title\":\"Molecular property prediction\",\"abstract\":\"Graph networks predict molecules.\"}\n"
            + "{\"id\":\"c\",\"title\":\"Image segmentation\",\"abstract\":\"Convolutional networks segment images.\"}\n",
        StandardCharsets.UTF_8);
    Run r = PaperMapCliTest.run("related", "-i", three.toString(), "--id", "a", "-k", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"id\":\"a\",\"neighbours\":[{\"id\":\"b\","), r.out());
    assertTrue(r.err().contains("papermap: note: tf-idf: no term is in at least 2 and at most 1.50 of the 3 papers"), r.err());
  }

  @Test
  void givenNoTerminal_whenAMapIsBuilt_thenEachStepEndsWithALineAndQuietPrintsNone() {
    Run r = PaperMapCliTest.run("build", "-i", "data", "-o", tmp.resolve("m").toString(), "--index", "hnsw");
    assertEquals(0, r.code(), r.err());
    List<String> steps = r.err().lines().filter(PaperMapCliTest::isProgress).map(l -> l.substring(10, l.indexOf(':', 10))).toList();
    assertEquals(List.of("read", "tf-idf", "sparse index", "lsa", "hnsw index", "smoothing", "save"), steps);
    assertTrue(r.err().contains("papermap: tf-idf: 262 papers in "), r.err());

    Run quiet = PaperMapCliTest.run("build", "-i", "data", "-o", tmp.resolve("q").toString(), "-q");
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(quiet.err().lines().noneMatch(PaperMapCliTest::isProgress), quiet.err());
  }

  @Test
  void givenTheDefaultThreads_whenBuilt_thenTheSameMapAsOnOneThread() throws IOException {
    Path one = tmp.resolve("one");
    Path cores = tmp.resolve("cores");
    assertEquals(0, PaperMapCliTest.run("build", "-i", PAPER, "-o", one.toString(), "--threads", "1", "-q").code());
    assertEquals(0, PaperMapCliTest.run("build", "-i", PAPER, "-o", cores.toString(), "-q").code());
    try (PaperMap a = PaperMap.open(one); PaperMap b = PaperMap.open(cores)) {
      String id = CorpusReader.read(Path.of(PAPER)).corpus().id(3);
      assertEquals(a.related(id, 5), b.related(id, 5));
      assertEquals(a.lsa().embeddings().vector(4)[2], b.lsa().embeddings().vector(4)[2]);
    }
  }
}
