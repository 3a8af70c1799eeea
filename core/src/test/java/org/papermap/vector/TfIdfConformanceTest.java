package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.text.PaperAnalyzer;

/**
 * The sklearn preset reproduces scikit-learn 1.2.1's TfidfVectorizer on the goldens in
 * golden/vector (seed papers) and golden/text (hard Unicode): same vocabulary in the same order, same
 * idf, every weight within 1e-6.
 */
class TfIdfConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static InputStream resource(String path) {
    InputStream in = TfIdfConformanceTest.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + path);
    }
    return in;
  }

  /** The 262 seed papers as stored (no NFKC, no whitespace changes). */
  static Corpus seedPapers() throws IOException {
    List<Paper> papers = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(resource("/golden/vector/seed-papers.jsonl"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        papers.add(Paper.of(n.get("id").asText(), n.get("title").asText(), n.get("abstract").asText()));
      }
    }
    return Corpus.of(papers);
  }

  static TfIdfOptions optionsFor(JsonNode settings) {
    TfIdfOptions.Builder b = TfIdfOptions.sklearnCompatible().toBuilder();
    PaperAnalyzer.Options a = PaperAnalyzer.Options.sklearnCompatible();
    for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "sublinear_tf" -> b.tf(e.getValue().asBoolean() ? TfIdfOptions.Tf.SUBLINEAR : TfIdfOptions.Tf.RAW);
        case "ngram_range" -> a = a.withNgrams(e.getValue().get(0).asInt(), e.getValue().get(1).asInt());
        case "min_df" -> b.minDf(e.getValue().asInt());
        case "stop_words" -> {
          assertEquals("english", e.getValue().asText());
          a = a.withStopWords(PaperAnalyzer.StopWords.SKLEARN_ENGLISH);
        }
        default -> throw new AssertionError("unhandled golden setting " + e.getKey());
      }
    }
    return b.analyzer(a).build();
  }

  static void assertConforms(JsonNode variant, Corpus corpus, TfIdfResult result) {
    String name = variant.get("name").asText();
    TfIdfModel model = result.model();
    Vocabulary v = model.vocabulary();
    assertEquals(variant.get("vocabulary_size").asInt(), v.size(), name + ": vocabulary size");
    // idf keys in the golden are in scikit-learn's (code-point) column order
    int ord = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = variant.get("idf").fields(); it.hasNext(); ord++) {
      Map.Entry<String, JsonNode> e = it.next();
      assertEquals(e.getKey(), v.term(ord), name + ": term at ord " + ord);
      assertEquals(ord, model.termOrd(e.getKey()));
      assertEquals(e.getValue().asDouble(), model.idf(ord), 1e-12, name + ": idf of " + e.getKey());
    }
    if (variant.has("vocabulary")) {
      variant.get("vocabulary").fields().forEachRemaining(e ->
          assertEquals(e.getValue().asInt(), model.termOrd(e.getKey()), name + ": ord of " + e.getKey()));
    }
    SparseMatrix m = result.matrix();
    JsonNode docs = variant.get("documents");
    assertEquals(corpus.size(), m.rows());
    assertEquals(docs.size(), m.rows());
    for (int r = 0; r < m.rows(); r++) {
      JsonNode doc = docs.get(r);
      assertEquals(doc.get("id").asText(), corpus.id(r));
      Map<String, Double> expected = new HashMap<>();
      doc.get("weights").forEach(p -> expected.put(p.get(0).asText(), p.get(1).asDouble()));
      assertEquals(expected.size(), m.rowEnd(r) - m.rowStart(r), name + ": nnz of " + corpus.id(r));
      for (int i = m.rowStart(r); i < m.rowEnd(r); i++) {
        String term = v.term(m.colIndex(i));
        Double w = expected.get(term);
        assertTrue(w != null, name + ": unexpected term '" + term + "' in " + corpus.id(r));
        assertEquals(w, m.value(i), 1e-6, name + ": weight of '" + term + "' in " + corpus.id(r));
      }
    }
  }

  @Tag("slow") // ~1 s on a cold JVM: parses a 2.4 MB golden
  @ParameterizedTest(name = "variant {0}")
  @ValueSource(strings = {"defaults", "sublinear-bigrams"})
  void givenSeedPapers_whenSklearnPreset_thenVocabularyIdfAndWeightsMatchScikitLearn(String name) throws IOException {
    JsonNode golden = JSON.readTree(resource("/golden/vector/tfidf-seed-papers.json"));
    assertEquals("1.2.1", golden.get("sklearn").asText());
    Corpus corpus = seedPapers();
    assertEquals(262, corpus.size());
    JsonNode variant = null;
    for (JsonNode v : golden.get("variants")) {
      if (v.get("name").asText().equals(name)) {
        variant = v;
      }
    }
    assertTrue(variant != null, "golden has no variant " + name);
    TfIdfResult result = new TfIdfVectorizer(optionsFor(variant.get("settings"))).fitTransform(corpus);
    assertConforms(variant, corpus, result);
    // transform of the training papers equals the fit-time matrix bit for bit
    assertEquals(result.matrix(), result.model().transform(corpus));
  }

  @Test
  void givenUnicodeEdgeDocuments_whenSklearnPresetBothVariants_thenMatchScikitLearn() throws IOException {
    JsonNode golden = JSON.readTree(resource("/golden/text/tfidf-unicode-edge.golden.json"));
    for (JsonNode variant : golden.get("variants")) {
      List<Paper> papers = new ArrayList<>();
      // the golden's text is the whole document; a paper whose abstract is empty has text() == title
      variant.get("documents").forEach(d -> papers.add(Paper.of(d.get("id").asText(), d.get("text").asText(), "")));
      Corpus corpus = Corpus.of(papers);
      TfIdfResult result = new TfIdfVectorizer(optionsFor(variant.get("settings"))).fitTransform(corpus);
      assertConforms(variant, corpus, result);
    }
  }
}
