package org.papermap.corpus;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily-feed listing shape (a daily-papers page): header lines, then per paper a title, the
 * abstract, {@code • N authors}, {@code ·} and a date ({@code Aug 2} or {@code Mar 7, 2019}). Authors
 * are not listed. The section is the header line before the "by..." line. See {@link ListingReader}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class DailyFeedListing {
  private static final Pattern FEED_DATE =
      Pattern.compile(
          "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+\\d+)?");
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private DailyFeedListing() {}

  static void read(LineReader lines, ListingEntry.Sink entries) throws IOException {
    List<List<String>> paragraphs = new ArrayList<>();
    List<Long> paragraphLines = new ArrayList<>();
    List<String> para = null;
    boolean first = true;
    String section = null;
    long lastLine = 0;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      if (t.isEmpty()) {
        para = null;
        continue;
      }
      if (t.equals("·")) {
        // The separator before the date, with no count line before it: the count line was lost, and
        // the entry would otherwise swallow the next one.
        entries.reject(
            paragraphs.isEmpty() ? n : paragraphLines.get(first ? Math.max(0, paragraphs.size() - 2) : 0),
            "daily-feed entry without its '• N authors' line: '·' at line " + n + " follows the abstract directly");
        date(lines);
        lines.markRecord();
        paragraphs.clear();
        paragraphLines.clear();
        para = null;
        first = false;
        continue;
      }
      if (!ListingReader.AUTHOR_COUNT.matcher(t).matches()) {
        if (para == null) {
          para = new ArrayList<>();
          paragraphs.add(para);
          paragraphLines.add(n);
        }
        para.add(t);
        lastLine = n;
        continue;
      }
      // "• N authors" closes an entry: [header paragraphs (first entry only)], title, abstract...
      int titleAt = 0;
      if (first) {
        titleAt = Math.max(0, paragraphs.size() - 2);
        section = section(paragraphs.subList(0, titleAt));
        first = false;
      }
      long start = paragraphs.isEmpty() ? n : paragraphLines.get(titleAt);
      ListingEntry e = entries.start(start, section);
      if (titleAt < paragraphs.size()) {
        e.title.append(String.join(" ", paragraphs.get(titleAt)));
      }
      for (int i = titleAt + 1; i < paragraphs.size(); i++) {
        e.abstractText.append(String.join("\n", paragraphs.get(i))).append('\n');
        e.hasAbstract = true;
      }
      e.lastLine = n;
      e.date = date(lines);
      if (e.date != null) {
        e.lastLine = lines.lineNumber();
      }
      entries.emit(e);
      lines.markRecord();
      paragraphs.clear();
      paragraphLines.clear();
      para = null;
    }
    if (paragraphs.size() >= 2) {
      // Two or more paragraphs after the last entry look like an entry that lost its count line.
      entries.reject(
          paragraphLines.get(0),
          "incomplete daily-feed entry (no '• N authors' line before line " + (lastLine + 1) + ")");
    }
  }

  /**
   * Consumes "·" and the date line after an author count (or after a lone "·"); returns the date if it
   * has a year.
   */
  private static LocalDate date(LineReader lines) throws IOException {
    boolean dot = false;
    String peek;
    while ((peek = lines.peek()) != null) {
      String t = peek.strip();
      if (t.isEmpty()) {
        lines.next();
        continue;
      }
      if (!dot && t.equals("·")) {
        dot = true;
        lines.next();
        continue;
      }
      Matcher m = FEED_DATE.matcher(t);
      if (m.matches()) {
        lines.next();
        if (m.group(3) == null) {
          return null; // "Aug 2": the page omits the current year, so the date cannot be known
        }
        try {
          return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
          throw new CorpusFormatException(lines.source(), lines.lineNumber(), "invalid date '" + t + "'");
        }
      }
      return null;
    }
    return null;
  }

  private static int month(String abbreviation) {
    String a = abbreviation.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(a)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("month pattern and table disagree: " + abbreviation);
  }

  private static String section(List<List<String>> header) {
    List<String> flat = new ArrayList<>();
    for (List<String> p : header) {
      flat.addAll(p);
    }
    for (int i = 1; i < flat.size(); i++) {
      if (flat.get(i).startsWith("by")) {
        return flat.get(i - 1);
      }
    }
    for (String s : flat) {
      if (s.toLowerCase(Locale.ROOT).contains("papers")) {
        return s;
      }
    }
    return null;
  }
}
