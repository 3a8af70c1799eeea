package org.papermap.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The stop-word sets, built once (holder idiom) and unmodifiable. */
final class StopWordSets {
  private StopWordSets() {}

  static final List<String> SKLEARN_ENGLISH = load("sklearn-english-stop-words.txt");

  /**
   * Words that carry no topic in scientific abstracts ("we propose a novel method and show
   * results"); matched after lowercasing and before stemming, so inflected forms are listed.
   */
  static final List<String> SCIENTIFIC_BOILERPLATE =
      List.of(
          "propose", "proposed", "proposes", "proposing", "paper", "papers", "result", "results",
          "show", "shows", "shown", "showing", "method", "methods", "approach", "approaches",
          "novel", "present", "presents", "presented", "study", "studies", "studied",
          "demonstrate", "demonstrates", "demonstrated", "existing", "achieve", "achieves",
          "achieved", "achieving", "outperform", "outperforms", "outperforming", "experiments",
          "experimental", "extensive", "introduce", "introduces", "introduced", "based", "using",
          "use", "used", "uses", "work", "works", "new", "furthermore", "significantly",
          "significant", "effectiveness", "effective", "efficient", "improve", "improves",
          "improved", "performance", "problem", "problems", "provide", "provides", "recent",
          "recently", "respectively", "task", "tasks", "various", "well", "propose");

  /** The unmodifiable stop set of the chosen lists. */
  static CharArraySet of(boolean luceneEnglish, boolean sklearnEnglish, boolean boilerplate) {
    List<String> words = new ArrayList<>();
    if (luceneEnglish) {
      for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
        words.add(w instanceof char[] c ? new String(c) : w.toString());
      }
    }
    if (sklearnEnglish) {
      words.addAll(SKLEARN_ENGLISH);
    }
    if (boilerplate) {
      words.addAll(SCIENTIFIC_BOILERPLATE);
    }
    return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
  }

  private static List<String> load(String resource) {
    try (InputStream in = StopWordSets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      List<String> words = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
      return List.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }
}
