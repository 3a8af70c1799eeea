package org.papermap.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.papermap.text.PaperAnalyzer.HyphenMode;
import org.papermap.text.PaperAnalyzer.Options;
import org.papermap.text.PaperAnalyzer.Stemmer;
import org.papermap.text.PaperAnalyzer.StopWords;

class PaperAnalyzerTest {

  private static List<String> terms(Options o, String text) {
    try (PaperAnalyzer a = new PaperAnalyzer(o)) {
      return TokenStreams.terms(a, text);
    }
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in =
        PaperAnalyzerTest.class.getResourceAsStream("/golden/text/tfidf-unicode-edge.golden.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void givenUnicodeEdgeDocuments_whenSklearnPreset_thenEachDocumentHasSklearnsTerms() throws IOException {
    JsonNode variant = golden().get("variants").get(0);
    assertEquals("defaults", variant.get("name").asText());
    try (PaperAnalyzer a = new PaperAnalyzer(Options.sklearnCompatible())) {
      TreeSet<String> vocabulary = new TreeSet<>();
      for (JsonNode doc : variant.get("documents")) {
        TreeSet<String> expected = new TreeSet<>();
        doc.get("weights").forEach(pair -> expected.add(pair.get(0).asText()));
        TreeSet<String> actual = new TreeSet<>(TokenStreams.terms(a, doc.get("text").asText()));
        assertEquals(expected, actual, "document " + doc.get("id").asText());
        vocabulary.addAll(actual);
      }
      TreeSet<String> expectedVocabulary = new TreeSet<>();
      variant.get("vocabulary").fieldNames().forEachRemaining(expectedVocabulary::add);
      assertEquals(expectedVocabulary, vocabulary);
    }
  }

  @Test
  void givenGoldenStopWords_whenLoaded_thenTheyAreSklearns318() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    golden().get("english_stop_words").forEach(w -> expected.add(w.asText()));
    assertEquals(318, expected.size());
    assertEquals(expected, new TreeSet<>(StopWordSets.SKLEARN_ENGLISH));
  }

  @Test
  void givenSklearnPreset_whenTokenizing_thenPythonWordRulesApply() {
    Options o = Options.sklearnCompatible();
    // superscript is a number (No), combining marks and joiners split, _ is a word character
    assertEquals(List.of("x²", "loss", "cafe", "snake_case", "a1"), terms(o, "x² loss cafe\u0301 snake_case a1 b"));
    // dotted capital I lowercases to i + U+0307, which splits the word as in Python
    assertEquals(List.of("stanbul"), terms(o, "İSTANBUL"));
    // final sigma needs whole-string lowercasing
    assertEquals(List.of("οδος"), terms(o, "ΟΔΟΣ"));
    assertEquals(List.of("don", "stop"), terms(o, "don't stop"));
  }

  @Test
  void givenSklearnPresetWithStopWordsAndBigrams_whenTokenizing_thenBigramsSpanRemovedWords() {
    Options o = Options.sklearnCompatible().withStopWords(StopWords.SKLEARN_ENGLISH).withNgrams(1, 2);
    assertEquals(
        List.of("state", "art", "model", "state art", "art model"),
        terms(o, "the state of the art model"));
  }

  @Test
  void givenAbstractsPreset_whenStopWordsRemoved_thenBigramsDoNotSpanTheGap() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).ngrams(1, 2).build();
    List<String> t = terms(o, "graph neural networks for the molecule property prediction");
    assertTrue(t.contains("graph neural"));
    assertTrue(t.contains("molecule property"));
    assertFalse(t.contains("networks molecule"), t.toString());
  }

  @Test
  void givenLatexMarkup_whenCleaning_thenWordsSurviveAndMarkupGoes() {
    assertEquals("k-means on ell 2 balls", TextCleanupCharFilter.clean("$k$-means on $\\ell_2$ balls", true, false));
    assertEquals("deep learning  works", TextCleanupCharFilter.clean("\\textbf{deep} {\\em learning} \\cite[p.~3]{smith2020} works", true, false));
    assertEquals("café naïve ç", TextCleanupCharFilter.clean("caf\\'e na\\\"{\\i}ve \\c{c}", true, false));
    assertEquals("O (n log n) time", TextCleanupCharFilter.clean("$\\mathcal{O}(n\\log n)$ time", true, false).replaceAll("\\s+", " ").strip());
    assertEquals("see  and 5% of $", TextCleanupCharFilter.clean("see \\ref{fig:1} and 5\\% of \\$", true, false));
  }

  @Test
  void givenLatexInAbstract_whenAnalyzing_thenOffsetsPointIntoTheOriginal() throws IOException {
    String text = "We use \\textbf{transformers} here";
    try (PaperAnalyzer a = new PaperAnalyzer(Options.abstracts().toBuilder().boilerplateStopWords(false).build());
        var ts = a.tokenStream("f", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      var off = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      boolean found = false;
      while (ts.incrementToken()) {
        if (term.toString().equals("transformer")) {
          assertEquals("transformers", text.substring(off.startOffset(), off.endOffset()));
          found = true;
        }
      }
      ts.end();
      assertTrue(found);
    }
  }

  @Test
  void givenHyphenatedCompound_whenSplitOrJoin_thenBothTokenizersAgree() {
    Options split = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).ngrams(1, 1).build();
    assertEquals(List.of("self", "supervised", "learning"), terms(split, "self-supervised learning"));
    Options join = split.toBuilder().hyphens(HyphenMode.JOIN).build();
    assertEquals(List.of("selfsupervised", "learning"), terms(join, "self-supervised learning"));
    Options sklearnJoin = Options.sklearnCompatible().toBuilder().hyphens(HyphenMode.JOIN).build();
    assertEquals(List.of("selfsupervised", "learning"), terms(sklearnJoin, "self-supervised learning"));
    // a dash between spaces is not a compound
    assertEquals(List.of("learning", "graphs"), terms(join, "learning - graphs"));
  }

  @Test
  void givenBoilerplateList_whenEnabled_thenCommonAbstractPhrasesGo() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).boilerplateStopWords(true).build();
    assertEquals(List.of("graph", "kernel"), terms(o, "We propose a novel graph kernel method and show results"));
    // "show" is already one of scikit-learn's stop words
    assertEquals(List.of("propose", "novel", "graph", "kernel", "method", "results"),
        terms(Options.abstracts().toBuilder().stemmer(Stemmer.NONE).build(), "We propose a novel graph kernel method and show results"));
  }

  @Test
  void givenPossessives_whenAbstractsPreset_thenApostropheSIsRemoved() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).ngrams(1, 1).build();
    assertEquals(List.of("model", "accuracy"), terms(o, "The model's accuracy"));
  }

  @Test
  void givenStemmers_whenAnalyzing_thenEachStemsAsDocumented() {
    Options base = Options.abstracts().toBuilder().ngrams(1, 1).boilerplateStopWords(false).build();
    assertEquals(List.of("network", "learning"), terms(base.toBuilder().stemmer(Stemmer.KSTEM).build(), "networks learning"));
    assertEquals(List.of("network", "learn"), terms(base.toBuilder().stemmer(Stemmer.PORTER).build(), "networks learning"));
    assertEquals(List.of("network", "learn"), terms(base.toBuilder().stemmer(Stemmer.SNOWBALL_ENGLISH).build(), "networks learning"));
    assertEquals(List.of("networks", "learning"), terms(base.toBuilder().stemmer(Stemmer.NONE).build(), "networks learning"));
  }

  @Test
  void givenNumbersAndShortTokens_whenAbstractsPreset_thenDroppedButMixedKept() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).ngrams(1, 1).build();
    assertEquals(List.of("gpt", "resnet50"), terms(o, "GPT 3.5 x 2024 1,000 ResNet50"));
    Options keep = o.toBuilder().dropNumbers(false).minTokenLength(1).build();
    assertEquals(List.of("gpt", "3.5", "x", "2024", "1,000", "resnet50"), terms(keep, "GPT 3.5 x 2024 1,000 ResNet50"));
  }

  @Test
  void givenNfkcAndFolding_whenAbstractsPreset_thenCompatibilityFormsFold() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.NONE).ngrams(1, 1).build();
    assertEquals(List.of("l2", "cafe", "finite"), terms(o, "\u21132 caf\u00e9 \ufb01nite"));
    Options noNorm = o.toBuilder().nfkc(false).asciiFolding(false).build();
    assertEquals(List.of("\u21132", "caf\u00e9", "\ufb01nite"), terms(noNorm, "\u21132 caf\u00e9 \ufb01nite"));
  }

  @Test
  void givenOptionsMap_whenRoundTripped_thenEqual() {
    Options o = Options.abstracts().toBuilder().stemmer(Stemmer.PORTER).ngrams(2, 3).build();
    assertEquals(o, Options.fromMap(o.toMap()));
  }

  @Test
  void givenInvalidOptions_whenBuilding_thenMessagesNameTheRule() {
    var e1 = assertThrows(IllegalArgumentException.class, () -> Options.builder().ngrams(0, 1).build());
    assertEquals("ngramMin must be in [1, 6], got 0", e1.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> Options.builder().ngrams(2, 1).build());
    assertEquals("ngramMax must be in [ngramMin=2, 6], got 1", e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> Options.builder().minTokenLength(0).build());
    assertEquals("minTokenLength must be in [1, 64], got 0", e3.getMessage());
    var e4 = assertThrows(NullPointerException.class, () -> Options.builder().stemmer(null).build());
    assertEquals("stemmer", e4.getMessage());
    Map<String, String> m = new java.util.HashMap<>(Options.abstracts().toMap());
    m.put("stemmer", "LANCASTER");
    var e5 = assertThrows(IllegalArgumentException.class, () -> Options.fromMap(m));
    assertTrue(e5.getMessage().startsWith("analyzer option 'stemmer' must be one of [NONE, PORTER, KSTEM, SNOWBALL_ENGLISH], got 'LANCASTER'"), e5.getMessage());
    m.remove("nfkc");
    var e6 = assertThrows(IllegalArgumentException.class, () -> Options.fromMap(m));
    assertEquals("analyzer option 'nfkc' is missing", e6.getMessage());
  }
}
