package org.papermap.topic;

import java.util.Objects;

/**
 * One keyword of a topic and its class-based TF-IDF weight (higher is more typical of the topic).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param term the term (a word or a phrase of words joined by one space)
 * @param weight its c-TF-IDF weight in the topic, finite and &gt; 0
 */
public record Keyword(String term, float weight) {
  public Keyword {
    Objects.requireNonNull(term, "term");
    if (!(weight > 0f) || !Float.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and > 0, got " + weight + " for '" + term + "'");
    }
  }
}
