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

  /** Lucene's English stop words ({@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}) as strings. */
  static List<String> luceneEnglish() {
    List<String> words = new ArrayList<>();
    for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      words.add(w instanceof char[] c ? new String(c) : w.toString());
    }
    return words;
  }

  /** An unmodifiable, case-sensitive set of {@code words}. */
  static CharArraySet unmodifiableSet(List<String> words) {
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
