package org.papermap.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Helpers that consume a token stream safely (reset, incrementToken, end, close in
 * try-with-resources).
 *
 * <p>Thread-safety: stateless and safe.
 */
public final class TokenStreams {
  private TokenStreams() {}

  /** The terms the analyzer produces for {@code text}, in stream order. */
  public static List<String> terms(Analyzer analyzer, String text) {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(text, "text");
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      // Analyzing a String does no I/O; a failure here is a bug in a filter.
      throw new UncheckedIOException("analysis failed", e);
    }
    return out;
  }
}
