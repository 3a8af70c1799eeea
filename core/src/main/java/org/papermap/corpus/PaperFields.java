package org.papermap.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The raw fields of one record while a reader fills them; {@link #toPaper} validates and normalizes
 * them into a {@link Paper}. Shared by all readers so that the rules (required fields, id fallback,
 * year from date, label order) are the same for every format.
 *
 * <p>Thread-safety: not thread-safe; one instance per record.
 */
final class PaperFields {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern ISO_DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

  String id;
  String title;
  String abstractText;
  final List<String> authors = new ArrayList<>();
  Integer year;
  LocalDate date;
  String url;
  /** A DOI field, used only to derive the id of a record without one (see {@link PaperIds}). */
  String doi;
  String venue;
  final List<String> labels = new ArrayList<>();

  /** Field names used in "missing field" messages (CSV uses its column names). */
  String titleName = "title";
  String abstractName = "abstract";

  /**
   * Builds the paper. A record without an id gets one from {@link PaperIds#derive}.
   *
   * @throws CorpusFormatException if the title or abstract is missing or empty after normalization,
   *     or the id contains a control character
   */
  Paper toPaper(Origin origin, TextNormalization normalization) throws CorpusFormatException {
    String t = normalization.apply(title);
    if (title == null) {
      throw new CorpusFormatException(origin, "missing field '" + titleName + "'");
    }
    if (t.isEmpty()) {
      throw new CorpusFormatException(origin, "empty field '" + titleName + "'");
    }
    String a = normalization.apply(abstractText);
    if (abstractText == null) {
      throw new CorpusFormatException(origin, "missing field '" + abstractName + "'");
    }
    if (a.isEmpty()) {
      throw new CorpusFormatException(origin, "empty field '" + abstractName + "'");
    }
    String paperId = id == null ? "" : id.strip();
    if (paperId.isEmpty()) {
      paperId = PaperIds.derive(url, doi, title);
    }
    String control = PaperIds.controlCharacter(paperId);
    if (control != null) {
      throw new CorpusFormatException(
          origin, "id contains a control character (" + control + "); ids must be one printable line");
    }
    List<String> names = new ArrayList<>(authors.size());
    for (String author : authors) {
      String n = normalization.apply(author);
      if (!n.isEmpty()) {
        names.add(n);
      }
    }
    LinkedHashSet<String> uniqueLabels = new LinkedHashSet<>();
    for (String label : labels) {
      String l = label == null ? "" : label.strip();
      if (!l.isEmpty()) {
        uniqueLabels.add(l);
      }
    }
    Integer y = year != null ? year : date != null ? Integer.valueOf(date.getYear()) : null;
    String u = url == null ? null : blankToNull(url.strip());
    String v = blankToNull(normalization.apply(venue));
    return new Paper(paperId, t, a, names, y, date, u, v, List.copyOf(uniqueLabels), origin);
  }

  /** Adds the authors in {@code s} split on {@code separator} (a regex). */
  void addAuthors(String s, String separatorRegex) {
    if (s == null) {
      return;
    }
    for (String part : s.split(separatorRegex, -1)) {
      String p = part.strip();
      if (!p.isEmpty()) {
        authors.add(p);
      }
    }
  }

  /** Adds labels split on white space, ',' and ';'. */
  void addLabels(String s) {
    if (s == null) {
      return;
    }
    for (String part : s.split("[\\s,;]+", -1)) {
      if (!part.isEmpty()) {
        labels.add(part);
      }
    }
  }

  /**
   * Sets {@link #date} from an ISO date (see {@link #parseIsoDate}); a bare year {@code yyyy} sets
   * only {@link #year} (unless the record has one), since exports often know no more.
   */
  void setDate(String s, String field, Origin origin) throws CorpusFormatException {
    if (s != null && YEAR.matcher(s.strip()).matches()) {
      if (year == null) {
        year = Integer.valueOf(s.strip());
      }
      return;
    }
    date = parseIsoDate(s, field, origin);
  }

  /**
   * Parses an ISO date: {@code yyyy-MM-dd}, a timestamp starting with one ({@code 2023-05-01T12:00Z}),
   * or {@code yyyy-MM} (read as the first day of that month). Blank is null.
   */
  static LocalDate parseIsoDate(String s, String field, Origin origin) throws CorpusFormatException {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    try {
      if (YEAR_MONTH.matcher(v).matches()) {
        return LocalDate.parse(v + "-01");
      }
      if (ISO_DATE_PREFIX.matcher(v).matches()) {
        return LocalDate.parse(v.substring(0, 10));
      }
    } catch (DateTimeParseException e) {
      throw new CorpusFormatException(
          origin, "field '" + field + "' is not a valid date: '" + v + "' (" + e.getMessage() + ")");
    }
    throw new CorpusFormatException(
        origin,
        "field '"
            + field
            + "' must be an ISO date (yyyy-MM-dd, yyyy-MM, yyyy or a timestamp), got '"
            + v
            + "'");
  }

  /** Parses a year given as text; blank is null. */
  static Integer parseYear(String s, String field, Origin origin) throws CorpusFormatException {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new CorpusFormatException(origin, "field '" + field + "' must be an integer year, got '" + v + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
