package org.papermap.corpus;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RIS ({@code .ris}), as Zotero, Mendeley, EndNote, Scopus and Web of Science export it: one
 * tag per line ({@code TI  - A title}), records from {@code TY} to {@code ER}. A line without a tag
 * continues the previous field (wrapped abstracts). Lines before the first {@code TY} are skipped.
 *
 * <p>Mapping: title = {@code TI}, else {@code T1}; abstract = {@code AB}, else {@code N2}; authors =
 * every {@code AU}, else every {@code A1}, as written ("Last, First"); year and date = {@code PY}, else
 * {@code Y1} ({@code 2020}, {@code 2020/05/17/}, {@code 2020///}), with {@code DA} giving the date when
 * it is complete; url = the first {@code UR}, else {@code https://doi.org/} + {@code DO}; venue =
 * {@code T2}, else {@code JF}, {@code JO}, {@code BT}. The {@code ID} tag is not used as the paper id:
 * many tools number records per export, so it changes from one export to the next; the id comes from
 * the paper ({@link PaperIds}). A record that is not closed by {@code ER} before the next {@code TY}
 * or the end of the file is an error naming the line where it started.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class RisReader {
  private static final Pattern TAG = Pattern.compile("([A-Z][A-Z0-9]) {1,2}-(?: (.*))?");
  private static final Pattern RIS_DATE = Pattern.compile("(\\d{4})(?:[/-](\\d{1,2})?(?:[/-](\\d{1,2})?)?.*)?");

  private RisReader() {}

  /** Whether a line looks like the start of a RIS record ({@code TY  - JOUR}). */
  static boolean isRecordStart(String line) {
    Matcher m = TAG.matcher(line.strip());
    return m.matches() && m.group(1).equals("TY");
  }

  static void read(LineReader lines, SourceName src, PaperCollector out) throws IOException {
    lines.recordHint("a missing 'ER  - ' line?");
    Map<String, List<String>> record = null;
    long start = 0;
    String lastTag = null;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      Matcher m = TAG.matcher(t);
      if (m.matches()) {
        String tag = m.group(1);
        String value = m.group(2) == null ? "" : m.group(2);
        if (tag.equals("TY")) {
          if (record != null) {
            out.reject(
                new CorpusFormatException(
                    src.name(), start, "record not closed: no 'ER  - ' line before the next 'TY' at line " + n));
          }
          record = new LinkedHashMap<>();
          start = n;
          lines.markRecord(n);
        } else if (record == null) {
          continue; // text before the first record
        } else if (tag.equals("ER")) {
          emit(record, start, n, lines, src, out);
          record = null;
          continue;
        }
        record.computeIfAbsent(tag, k -> new ArrayList<>()).add(value);
        lastTag = tag;
      } else if (record != null && !t.isEmpty() && lastTag != null) {
        List<String> values = record.get(lastTag);
        int last = values.size() - 1;
        values.set(last, values.get(last) + "\n" + t);
      }
    }
    if (record != null) {
      out.reject(
          new CorpusFormatException(src.name(), start, "record not closed: the file ends before its 'ER  - ' line"));
    }
  }

  private static void emit(
      Map<String, List<String>> r, long start, long end, LineReader lines, SourceName src, PaperCollector out)
      throws CorpusFormatException {
    Origin origin = new Origin(src.name(), start);
    PaperFields f = new PaperFields();
    try {
      out.checkEncoding(lines, start, end);
      f.title = first(r, "TI", "T1");
      f.abstractText = first(r, "AB", "N2");
      List<String> authors = r.containsKey("AU") ? r.get("AU") : r.getOrDefault("A1", List.of());
      f.authors.addAll(authors);
      f.doi = first(r, "DO");
      String url = first(r, "UR");
      f.url = url != null ? url : f.doi != null ? "https://doi.org/" + f.doi.strip() : null;
      f.venue = first(r, "T2", "JF", "JO", "BT");
      String py = first(r, "PY", "Y1");
      String pyTag = r.containsKey("PY") ? "PY" : "Y1";
      if (py != null) {
        LocalDate d = date(py, pyTag, origin);
        f.year = Integer.valueOf(py.strip().substring(0, 4));
        f.date = d;
      }
      String da = first(r, "DA");
      if (da != null && da.strip().length() >= 4 && Character.isDigit(da.strip().charAt(0))) {
        LocalDate d = date(da, "DA", origin);
        f.date = d != null ? d : f.date;
      }
    } catch (CorpusFormatException e) {
      out.reject(e);
      return;
    }
    out.add(f, origin);
  }

  /** A full date from {@code yyyy/mm/dd...}, or null when only the year (or month) is given. */
  private static LocalDate date(String v, String tag, Origin origin) throws CorpusFormatException {
    Matcher m = RIS_DATE.matcher(v.strip());
    if (!m.matches()) {
      throw new CorpusFormatException(
          origin, "field '" + tag + "' must start with a 4-digit year (yyyy or yyyy/mm/dd), got '" + v.strip() + "'");
    }
    if (m.group(2) == null || m.group(3) == null) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw new CorpusFormatException(origin, "field '" + tag + "' is not a valid date: '" + v.strip() + "'");
    }
  }

  /** The first non-blank value of the first tag present, or null. */
  private static String first(Map<String, List<String>> r, String... tags) {
    for (String tag : tags) {
      for (String v : r.getOrDefault(tag, List.of())) {
        if (!v.isBlank()) {
          return v;
        }
      }
    }
    return null;
  }
}
