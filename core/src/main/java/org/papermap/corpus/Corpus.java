package org.papermap.corpus;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable, ordered collection of papers with a dense ordinal {@code 0..size()-1} for each paper
 * and a map from external id to ordinal.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class Corpus extends AbstractList<Paper> implements RandomAccess {
  private final Paper[] papers;
  private final Map<String, Integer> ordById;

  private Corpus(Paper[] papers, Map<String, Integer> ordById) {
    this.papers = papers;
    this.ordById = ordById;
  }

  /**
   * Builds a corpus from papers in order.
   *
   * @throws IllegalArgumentException if two papers share an id; the message names both papers and, when
   *     known, the lines they were read from
   */
  public static Corpus of(List<Paper> papers) {
    Objects.requireNonNull(papers, "papers");
    Paper[] array = papers.toArray(new Paper[0]);
    Map<String, Integer> ordById = new HashMap<>(Math.max(16, array.length * 2));
    for (int ord = 0; ord < array.length; ord++) {
      Paper p = Objects.requireNonNull(array[ord], "papers[" + ord + "]");
      Integer previous = ordById.putIfAbsent(p.id(), ord);
      if (previous != null) {
        throw new IllegalArgumentException(duplicateMessage(array[previous], p));
      }
    }
    return new Corpus(array, Map.copyOf(ordById));
  }

  static String duplicateMessage(Paper first, Paper second) {
    return "duplicate id '"
        + second.id()
        + "': "
        + where(second)
        + " repeats the id of "
        + where(first);
  }

  private static String where(Paper p) {
    return p.origin() != null ? p.origin().toString() : "a paper built in code";
  }

  /** The paper at ordinal {@code ord}. */
  @Override
  public Paper get(int ord) {
    Objects.checkIndex(ord, papers.length);
    return papers[ord];
  }

  @Override
  public int size() {
    return papers.length;
  }

  /** The ordinal of the paper with this id, or -1 if there is none. */
  public int ord(String id) {
    Integer ord = ordById.get(Objects.requireNonNull(id, "id"));
    return ord == null ? -1 : ord;
  }

  /** The id of the paper at ordinal {@code ord}. */
  public String id(int ord) {
    return get(ord).id();
  }

  /** The paper with this id. */
  public Paper byId(String id) {
    int ord = ord(id);
    if (ord < 0) {
      throw new IllegalArgumentException("no paper with id '" + id + "'");
    }
    return papers[ord];
  }
}
