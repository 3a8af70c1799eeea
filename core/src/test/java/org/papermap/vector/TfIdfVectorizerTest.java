package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.progress.RecordingListener;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions.Idf;
import org.papermap.vector.TfIdfOptions.Norm;
import org.papermap.vector.TfIdfOptions.Tf;

class TfIdfVectorizerTest {

  static Corpus corpus(String... texts) {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      papers.add(Paper.of("p" + i, texts[i], ""));
    }
    return Corpus.of(papers);
  }

  /** A synthetic corpus large enough for several chunks (fixed seed). */
  static Corpus randomCorpus(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] words = new String[400];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + Integer.toString(i * 7919 % 1000, 36) + (i % 3 == 0 ? "é" : "");
    }
    List<Paper> papers = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      StringBuilder sb = new StringBuilder();
      int len = 5 + rnd.nextInt(60);
      for (int t = 0; t < len; t++) {
        // Zipf-like: low indices are frequent
        int k = (int) (words.length * Math.pow(rnd.nextDouble(), 3));
        sb.append(words[k]).append(' ');
      }
      papers.add(Paper.of("d" + d, "title " + words[rnd.nextInt(words.length)], sb.toString()));
    }
    return Corpus.of(papers);
  }

  @Test
  void givenOneOrManyThreads_whenFitTransform_thenOutputIsBitIdentical() throws Exception {
    Corpus c = randomCorpus(1500, 42);
    TfIdfOptions base = TfIdfOptions.builder().analyzer(PaperAnalyzer.Options.sklearnCompatible().withNgrams(1, 2)).minDf(2).build();
    TfIdfResult one = new TfIdfVectorizer(base).fitTransform(c);
    TfIdfResult three = new TfIdfVectorizer(base.toBuilder().parallelism(3).build()).fitTransform(c);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      TfIdfResult exec = new TfIdfVectorizer(base.toBuilder().parallelism(4).executor(pool).build()).fitTransform(c);
      assertEquals(one.matrix(), exec.matrix());
      assertEquals(one.model().vocabulary(), exec.model().vocabulary());
    } finally {
      pool.shutdownNow();
    }
    assertTrue(c.size() > 4 * TermCounts.CHUNK_SIZE);
    assertEquals(one.model().vocabulary(), three.model().vocabulary());
    assertEquals(one.matrix(), three.matrix());
    assertEquals(one.matrix(), three.model().transform(c));
  }

  @Test
  void givenTinyCorpus_whenFit_thenIdfAndWeightsFollowTheFormulas() {
    Corpus c = corpus("apple banana", "apple cherry cherry", "banana");
    TfIdfResult r = new TfIdfVectorizer(TfIdfOptions.sklearnCompatible()).fitTransform(c);
    TfIdfModel m = r.model();
    assertEquals(List.of("apple", "banana", "cherry"), List.of(m.term(0), m.term(1), m.term(2)));
    assertEquals(Math.log(4.0 / 3.0) + 1, m.idf(m.termOrd("apple")), 1e-15);
    assertEquals(Math.log(4.0 / 2.0) + 1, m.idf(m.termOrd("cherry")), 1e-15);
    // doc 1: apple x1, cherry x2, L2-normalized
    double a = Math.log(4.0 / 3.0) + 1;
    double ch = 2 * (Math.log(2.0) + 1);
    double norm = Math.sqrt(a * a + ch * ch);
    assertEquals(a / norm, r.matrix().get(1, 0), 1e-7);
    assertEquals(ch / norm, r.matrix().get(1, 2), 1e-7);
    assertEquals(-1, m.termOrd("durian"));
  }

  @Test
  void givenIdfAndNormVariants_whenFit_thenEachFormulaApplies() {
    Corpus c = corpus("apple banana", "apple cherry cherry", "banana");
    TfIdfOptions.Builder b = TfIdfOptions.sklearnCompatible().toBuilder();
    TfIdfModel plain = new TfIdfVectorizer(b.idf(Idf.PLAIN).build()).fit(c);
    assertEquals(Math.log(3.0 / 2.0) + 1, plain.idf(0), 1e-15);
    TfIdfModel bm25 = new TfIdfVectorizer(b.idf(Idf.BM25).build()).fit(c);
    assertEquals(Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)), bm25.idf(0), 1e-15);
    TfIdfModel none = new TfIdfVectorizer(b.idf(Idf.NONE).build()).fit(c);
    assertEquals(1.0, none.idf(0));
    SparseMatrix l1 = new TfIdfVectorizer(b.idf(Idf.NONE).norm(Norm.L1).build()).fitTransform(c).matrix();
    assertEquals(1 / 3f, l1.get(1, 0), 1e-7);
    assertEquals(2 / 3f, l1.get(1, 2), 1e-7);
    SparseMatrix raw = new TfIdfVectorizer(b.idf(Idf.NONE).norm(Norm.NONE).tf(Tf.SUBLINEAR).build()).fitTransform(c).matrix();
    assertEquals((float) (1 + Math.log(2)), raw.get(1, 2));
    SparseMatrix bin = new TfIdfVectorizer(b.idf(Idf.NONE).norm(Norm.NONE).tf(Tf.BINARY).build()).fitTransform(c).matrix();
    assertEquals(1f, bin.get(1, 2));
  }

  @Test
  void givenDfBounds_whenFit_thenTermsArePrunedAsScikitLearn() {
    Corpus c = corpus("a1 b1 c1", "a1 b1", "a1 d1", "a1 e1");
    TfIdfOptions.Builder b = TfIdfOptions.sklearnCompatible().toBuilder();
    TfIdfModel minDf2 = new TfIdfVectorizer(b.minDf(2).build()).fit(c);
    assertEquals(List.of("a1", "b1"), terms(minDf2));
    TfIdfModel maxDfHalf = new TfIdfVectorizer(b.minDf(1).maxDfFraction(0.5).build()).fit(c);
    assertEquals(List.of("b1", "c1", "d1", "e1"), terms(maxDfHalf));
    TfIdfModel maxDf1 = new TfIdfVectorizer(b.maxDf(1).build()).fit(c);
    assertEquals(List.of("c1", "d1", "e1"), terms(maxDf1));
    // idf uses every document, including those that lost all their terms
    assertEquals(Math.log(5.0 / 2.0) + 1, maxDf1.idf(0), 1e-15);
  }

  @Test
  void givenMaxFeatures_whenTiesInFrequency_thenLowerTermWins() {
    Corpus c = corpus("zz zz yy xx", "yy ww", "xx");
    TfIdfModel m = new TfIdfVectorizer(TfIdfOptions.sklearnCompatible().toBuilder().maxFeatures(3).build()).fit(c);
    // totals: zz 2, yy 2, xx 2, ww 1 -> three tied at 2 kept, ww dropped
    assertEquals(List.of("xx", "yy", "zz"), terms(m));
    TfIdfModel m2 = new TfIdfVectorizer(TfIdfOptions.sklearnCompatible().toBuilder().maxFeatures(2).build()).fit(c);
    assertEquals(List.of("xx", "yy"), terms(m2));
  }

  @Test
  void givenTitleWeight_whenNotOne_thenTitleTermsCountThatManyTimes() {
    Corpus c = Corpus.of(List.of(Paper.of("a", "graphs", "graphs and trees"), Paper.of("b", "trees", "forests")));
    TfIdfOptions o = TfIdfOptions.sklearnCompatible().toBuilder().idf(Idf.NONE).norm(Norm.NONE).titleWeight(3f).build();
    TfIdfResult r = new TfIdfVectorizer(o).fitTransform(c);
    assertEquals(4f, r.matrix().get(0, r.model().termOrd("graphs")));
    assertEquals(1f, r.matrix().get(0, r.model().termOrd("trees")));
    assertEquals(r.matrix().row(0), r.model().transform(c.get(0)));
    TfIdfOptions noTitle = o.toBuilder().titleWeight(0f).build();
    TfIdfModel m = new TfIdfVectorizer(noTitle).fit(c);
    assertEquals(List.of("and", "forests", "graphs", "trees"), terms(m));
    assertEquals(0f, new TfIdfVectorizer(noTitle).fitTransform(c).matrix().get(1, m.termOrd("trees")));
  }

  @Test
  void givenUnseenTerms_whenTransform_thenIgnored() {
    TfIdfModel m = new TfIdfVectorizer(TfIdfOptions.sklearnCompatible()).fit(corpus("alpha beta", "beta gamma"));
    SparseVector v = m.transform(Paper.of("x", "delta epsilon", "beta"));
    assertEquals(1, v.size());
    assertEquals(m.termOrd("beta"), v.index(0));
    assertEquals(1f, v.value(0));
    assertEquals(0, m.transform(Paper.of("y", "zeta", "")).size());
  }

  @Test
  void givenBadInput_whenFit_thenMessagesAsScikitLearn() {
    var empty = assertThrows(IllegalArgumentException.class, () -> new TfIdfVectorizer(TfIdfOptions.sklearnCompatible()).fit(Corpus.of(List.of())));
    assertEquals("corpus must not be empty", empty.getMessage());
    var stop = assertThrows(IllegalArgumentException.class, () -> new TfIdfVectorizer(TfIdfOptions.sklearnCompatible()).fit(corpus("a", "b")));
    assertEquals("empty vocabulary; perhaps the documents only contain stop words", stop.getMessage());
  }

  @Test
  void givenBoundsThatKeepNoTermOfTheCorpus_whenFit_thenEveryTermIsKeptWithANote() {
    // scikit-learn raises "After pruning, no terms remain"; we keep every term and say so.
    Corpus c = corpus("a1 b1", "a1 c1", "a1");
    RecordingListener progress = new RecordingListener();
    TfIdfOptions asked = TfIdfOptions.sklearnCompatible().toBuilder().minDf(2).maxDf(2).build();

    TfIdfModel m = new TfIdfVectorizer(asked).fit(c, progress);

    assertEquals(List.of("a1", "b1", "c1"), terms(m));
    assertEquals(
        List.of("tf-idf: no term is in at least 2 and at most 2 of the 3 papers (minDf count:2, maxDf count:2);"
            + " keeping every term (minDf 1, maxDf 1.0)"),
        progress.notes());
    assertEquals(Vocabulary.Bound.count(1), m.options().minDf(), "the model records the bounds applied");
    assertEquals(Vocabulary.Bound.fraction(1.0), m.options().maxDf());
  }

  @Test
  void givenTheDefaultsAndTwoOrThreePapers_whenFit_thenTheContradictingBoundsAreRelaxedWithANote() {
    for (Corpus c : List.of(corpus("graphs and trees", "graphs and forests"), corpus("graph nets", "graph trees", "tree nets"))) {
      RecordingListener progress = new RecordingListener();

      TfIdfModel m = new TfIdfVectorizer(TfIdfOptions.defaults()).fit(c, progress);

      assertTrue(terms(m).contains("graph"), terms(m).toString());
      assertEquals(1, progress.notes().size(), progress.calls().toString());
      assertTrue(progress.notes().get(0).contains("(minDf count:2, maxDf fraction:0.5)"), progress.notes().get(0));
    }
    // From 4 papers on, the defaults apply as they are.
    RecordingListener four = new RecordingListener();
    TfIdfModel m = new TfIdfVectorizer(TfIdfOptions.defaults()).fit(corpus("graph nets", "graph trees", "tree nets", "forest data"), four);
    assertEquals(List.of("graph", "nets", "tree"), terms(m)); // KStem keeps "nets"
    assertEquals(List.of(), four.notes());
  }

  @Test
  void givenBoundsOfOneKindThatContradict_whenBuilt_thenRejectedNamingBoth() {
    var counts = assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().minDf(3).maxDf(2).build());
    assertEquals("maxDf (count:2) must not be below minDf (count:3): no term could be kept", counts.getMessage());
    var fractions = assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().minDfFraction(0.6).maxDfFraction(0.5).build());
    assertEquals("maxDf (fraction:0.5) must not be below minDf (fraction:0.6): no term could be kept", fractions.getMessage());
  }

  @Test
  void givenTheBuilder_whenBuiltUnchanged_thenItIsTheFacadesDefaultAndNotTheScikitLearnPreset() {
    assertEquals(TfIdfOptions.defaults(), TfIdfOptions.builder().build());
    assertEquals(Vocabulary.Bound.count(2), TfIdfOptions.defaults().minDf());
    assertEquals(Vocabulary.Bound.fraction(0.5), TfIdfOptions.defaults().maxDf());
    assertEquals(Vocabulary.Bound.count(1), TfIdfOptions.sklearnCompatible().minDf());
  }

  @Test
  void givenInvalidOptions_whenBuilding_thenMessagesNameTheParameter() {
    TfIdfOptions.Builder b = TfIdfOptions.builder();
    assertEquals("titleWeight must be finite and in [0, 100.0], got NaN",
        assertThrows(IllegalArgumentException.class, () -> b.titleWeight(Float.NaN).build()).getMessage());
    assertEquals("titleWeight must be finite and in [0, 100.0], got -1.0",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().titleWeight(-1f).build()).getMessage());
    assertEquals("maxFeatures must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().maxFeatures(0).build()).getMessage());
    assertEquals("parallelism must be in [1, 256], got 0",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().parallelism(0).build()).getMessage());
    assertEquals("minDf: a document-frequency count must be an integer >= 1, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().minDf(0)).getMessage());
    assertEquals("maxDf: a document-frequency fraction must be in (0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().maxDfFraction(1.5)).getMessage());
    assertEquals("maxDf: a document-frequency fraction must be in (0, 1], got 0.0",
        assertThrows(IllegalArgumentException.class, () -> TfIdfOptions.builder().maxDfFraction(0.0)).getMessage());
    assertEquals("analyzer", assertThrows(NullPointerException.class, () -> TfIdfOptions.builder().analyzer(null).build()).getMessage());
  }

  @Test
  void givenOptions_whenMapRoundTrip_thenEqualWithoutExecutor() {
    TfIdfOptions o = TfIdfOptions.builder().minDfFraction(0.01).maxDf(500).maxFeatures(10_000).titleWeight(2.5f).tf(Tf.BINARY).idf(Idf.BM25).norm(Norm.L1).parallelism(3).build();
    assertEquals(o, TfIdfOptions.fromMap(o.toMap()));
    assertNotEquals(TfIdfOptions.builder().build(), TfIdfOptions.fromMap(o.toMap()));
  }

  static List<String> terms(TfIdfModel m) {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < m.vocabulary().size(); i++) {
      t.add(m.term(i));
    }
    return t;
  }
}
