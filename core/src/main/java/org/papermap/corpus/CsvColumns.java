package org.papermap.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which CSV header names hold which paper field. Header names match case-insensitively, ignoring
 * surrounding white space. {@code title} and {@code abstractText} are required; any other field may be
 * null, meaning the CSV has no such column (a mapped optional column that the header lacks is also
 * treated as absent).
 *
 * <p>Cell rules: {@code authors} is split on {@code authorSeparator}, or when that is null on ';' if
 * the cell contains one, else on ','; {@code labels} is split on white space, ',' and ';' (first is
 * primary); {@code year} must be an integer; {@code date} is ISO {@code yyyy-MM-dd}, {@code yyyy-MM},
 * {@code yyyy} or a timestamp.
 *
 * <p>Presets: {@link #defaults()} (the field names) and {@link #zotero()} (Zotero's CSV export);
 * {@link #preset(String)} finds them by name.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param id header of the id column, or null (ids are then {@code <file>-<line>})
 * @param title header of the title column, required
 * @param abstractText header of the abstract column, required
 * @param authors header of the authors column, or null
 * @param year header of the year column, or null
 * @param date header of the date column, or null
 * @param url header of the URL column, or null
 * @param venue header of the venue column, or null
 * @param labels header of the labels column, or null
 * @param authorSeparator the literal text between two authors in the authors cell, or null to guess
 *     per cell (';' if present, else ',')
 */
public record CsvColumns(
    String id,
    String title,
    String abstractText,
    String authors,
    String year,
    String date,
    String url,
    String venue,
    String labels,
    String authorSeparator) {

  /** The keys {@link #parse(String)} accepts, in component order. */
  private static final String[] KEYS = {
    "id", "title", "abstract", "authors", "year", "date", "url", "venue", "labels"
  };

  private static final CsvColumns DEFAULTS =
      new CsvColumns("id", "title", "abstract", "authors", "year", "date", "url", "venue", "labels", null);

  /**
   * Zotero's CSV export (File › Export Library › CSV), as its exporter writes the header. Authors are
   * "Last, First" joined by "; ". {@code Date} is not mapped: Zotero writes it as typed when it cannot
   * make it ISO ("Spring 2019"); the year comes from {@code Publication Year}.
   */
  private static final CsvColumns ZOTERO =
      new CsvColumns(
          "Key", "Title", "Abstract Note", "Author", "Publication Year", null, "Url", "Publication Title",
          null, ";");

  /** Header names that together identify a Zotero export (checked case-insensitively). */
  static final List<String> ZOTERO_SIGNATURE = List.of("key", "item type", "abstract note", "publication title");

  public CsvColumns {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(abstractText, "abstractText");
    String[] values = {id, title, abstractText, authors, year, date, url, venue, labels};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && values[i].isBlank()) {
        throw new IllegalArgumentException(
            "csv column for '" + KEYS[i] + "' must be null (absent) or a header name, got a blank name");
      }
    }
    if (authorSeparator != null && authorSeparator.isEmpty()) {
      throw new IllegalArgumentException("authorSeparator must be null (guess per cell) or non-empty, got ''");
    }
  }

  /** Zotero's CSV export; see the class javadoc. */
  public static CsvColumns zotero() {
    return ZOTERO;
  }

  /**
   * A preset by name: {@code default} or {@code zotero} (case-insensitive).
   *
   * @throws IllegalArgumentException for any other name, listing the presets
   */
  public static CsvColumns preset(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "default" -> DEFAULTS;
      case "zotero" -> ZOTERO;
      default -> throw new IllegalArgumentException(
          "csv preset must be one of: default, zotero; got '" + name + "'");
    };
  }

  /** Whether {@code name} names a preset rather than being a {@code key=Header} mapping. */
  public static boolean isPreset(String name) {
    String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
    return n.equals("default") || n.equals("zotero");
  }

  /** The default mapping: each field read from the column of the same name ("abstract" for the abstract). */
  public static CsvColumns defaults() {
    return DEFAULTS;
  }

  /**
   * Parses a mapping such as {@code "title=Title,abstract=Summary,url="}, starting from {@link
   * #defaults()}: each {@code key=Header} overrides one field, and an empty header ({@code url=}) marks
   * the column absent. Keys: id, title, abstract, authors, year, date, url, venue, labels.
   *
   * @throws IllegalArgumentException if the spec is blank, an entry has no '=', a key is unknown or
   *     repeated, or title/abstract are mapped to nothing
   */
  public static CsvColumns parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.isBlank()) {
      throw new IllegalArgumentException("csv column spec must not be blank");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < KEYS.length; i++) {
      map.put(KEYS[i], DEFAULTS.value(i));
    }
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (String entry : spec.split(",", -1)) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "csv column spec '" + spec + "': entry '" + entry + "' must be key=Header");
      }
      String key = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String header = entry.substring(eq + 1).trim();
      if (!map.containsKey(key)) {
        throw new IllegalArgumentException(
            "csv column spec '"
                + spec
                + "': unknown key '"
                + key
                + "' (expected one of: "
                + String.join(", ", KEYS)
                + ")");
      }
      if (seen.put(key, Boolean.TRUE) != null) {
        throw new IllegalArgumentException("csv column spec '" + spec + "': key '" + key + "' given twice");
      }
      if (header.isEmpty() && (key.equals("title") || key.equals("abstract"))) {
        throw new IllegalArgumentException(
            "csv column spec '" + spec + "': '" + key + "' is required and cannot be absent");
      }
      map.put(key, header.isEmpty() ? null : header);
    }
    return new CsvColumns(
        map.get("id"),
        map.get("title"),
        map.get("abstract"),
        map.get("authors"),
        map.get("year"),
        map.get("date"),
        map.get("url"),
        map.get("venue"),
        map.get("labels"),
        null);
  }

  /** The header of field {@code i} in {@link #KEYS} order. */
  String value(int i) {
    return switch (i) {
      case 0 -> id;
      case 1 -> title;
      case 2 -> abstractText;
      case 3 -> authors;
      case 4 -> year;
      case 5 -> date;
      case 6 -> url;
      case 7 -> venue;
      case 8 -> labels;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  /** The key of field {@code i} as used in {@link #parse(String)} and in error messages. */
  static String key(int i) {
    return KEYS[i];
  }

  static int fieldCount() {
    return KEYS.length;
  }
}
