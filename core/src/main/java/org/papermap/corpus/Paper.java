package org.papermap.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper: the unit that PaperMap vectorizes, indexes and clusters.
 *
 * <p>Readers keep text as read, with white space collapsed (see {@link TextNormalization}); this
 * record only checks its invariants. The abstract component is named {@code abstractText} because {@code abstract}
 * is a Java keyword; files use the field name {@code abstract}.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param id external identifier, unique within a {@link Corpus}, never blank, without control
 *     characters (line breaks, tabs, U+2028...)
 * @param title the title, never blank
 * @param abstractText the abstract, never null (readers also reject an empty one)
 * @param authors author names in order, possibly empty (some listings give only a count)
 * @param year publication year, or null when unknown
 * @param date publication or listing date, or null when unknown
 * @param url a link to the paper, or null
 * @param venue venue or listing section (e.g. "Accepted papers", "Poster Session 6"), or null
 * @param labels categories such as arXiv's "cs.LG", primary first, possibly empty
 * @param origin where the record was read from, or null for papers built in code
 */
public record Paper(
    String id,
    String title,
    String abstractText,
    List<String> authors,
    Integer year,
    LocalDate date,
    String url,
    String venue,
    List<String> labels,
    Origin origin) {

  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(abstractText, "abstractText");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    String control = PaperIds.controlCharacter(id);
    if (control != null) {
      throw new IllegalArgumentException("id must not contain control characters, found " + control);
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank (paper " + id + ")");
    }
    authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
  }

  /** A paper with only an id, title and abstract; the other fields empty. */
  public static Paper of(String id, String title, String abstractText) {
    return new Paper(id, title, abstractText, List.of(), null, null, null, null, List.of(), null);
  }

  /** The primary label (the first one), or null when the paper has none. */
  public String primaryLabel() {
    return labels.isEmpty() ? null : labels.get(0);
  }

  /** Title and abstract joined as {@code title + ". " + abstract}, the text scikit-learn goldens use. */
  public String text() {
    return abstractText.isEmpty() ? title : title + ". " + abstractText;
  }

  /** A copy with another id (readers use it to assign ids to listing entries). */
  public Paper withId(String newId) {
    return new Paper(newId, title, abstractText, authors, year, date, url, venue, labels, origin);
  }
}
