package org.papermap.topic;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One topic: a labelled group of papers.
 *
 * <p>Thread-safety: immutable and safe (arrays are copied on the way in and out).
 *
 * @param id the topic id, {@code 0..k-1} (the cluster label it came from, or its rank by size after a
 *     reduction)
 * @param size number of papers, {@code papers.length}
 * @param label a short human-readable label (a phrase and keywords joined by ", ")
 * @param keywords the keywords, best first (diversified by maximal marginal relevance when set)
 * @param representatives the ords of the most representative papers, most representative first
 * @param papers the ords of all its papers, ascending
 */
public record Topic(
    int id, int size, String label, List<Keyword> keywords, int[] representatives, int[] papers) {
  public Topic {
    Objects.requireNonNull(label, "label");
    keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
    representatives = Objects.requireNonNull(representatives, "representatives").clone();
    papers = Objects.requireNonNull(papers, "papers").clone();
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0, got " + id);
    }
    if (size != papers.length) {
      throw new IllegalArgumentException("size must equal papers.length=" + papers.length + ", got " + size);
    }
  }

  /** A copy of the representative ords. */
  @Override
  public int[] representatives() {
    return representatives.clone();
  }

  /** A copy of the paper ords. */
  @Override
  public int[] papers() {
    return papers.clone();
  }

  /** The i-th representative ord. */
  public int representative(int i) {
    return representatives[i];
  }

  /** Number of representatives. */
  public int representativeCount() {
    return representatives.length;
  }

  /** The i-th paper ord (ascending). */
  public int paper(int i) {
    return papers[i];
  }

  /** The first {@code n} keyword terms (fewer if the topic has fewer). */
  public List<String> terms(int n) {
    return keywords.stream().limit(n).map(Keyword::term).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topic t
        && id == t.id
        && size == t.size
        && label.equals(t.label)
        && keywords.equals(t.keywords)
        && Arrays.equals(representatives, t.representatives)
        && Arrays.equals(papers, t.papers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, size, label, keywords, Arrays.hashCode(representatives), Arrays.hashCode(papers));
  }

  @Override
  public String toString() {
    return "Topic[id=" + id + ", size=" + size + ", label=" + label + ", keywords=" + terms(5) + "]";
  }
}
