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
 * Reads plain-text paper listings copied from web pages or mail. Four shapes are recognized from the
 * first {@value #SNIFF_LINES} lines, in this order:
 *
 * <ol>
 *   <li><b>email digest</b>: blocks of {@code Title:}, {@code Authors:}, {@code Abstract:} (may span
 *       lines) and {@code URL:}, separated by {@code ---}; headings underlined with {@code ===} name the
 *       section. Recognized by at least one {@code Title:} and one {@code Abstract:} line.
 *   <li><b>daily feed</b>: per paper a title, an abstract, {@code • N authors}, {@code ·} and a date
 *       ({@code Aug 2} or {@code Mar 7, 2019}); authors are not listed. Recognized by a {@code • N
 *       authors} line. The section is the header line before the "by..." line (e.g. "Daily Papers").
 *   <li><b>session page</b>: a {@code Session} line followed by the session name (the section), then
 *       per paper a time line ({@code Wed 20 July 13:30 - 13:35 PDT}), an optional kind line
 *       ({@code Spotlight}, {@code Oral}, ...), the title, the authors joined by {@code " · "} and the
 *       abstract. Recognized by a time line.
 *   <li><b>poster list</b>: a first line naming the session (the section, e.g. {@code Poster Session
 *       6}), then three lines per paper: title, authors joined by {@code " · "}, abstract. Recognized
 *       by a first line starting with "Poster Session" or by author lines in the middle of most
 *       triples.
 * </ol>
 *
 * <p>Ids are positional: the first three characters of the file name, '-', and the 1-based position
 * of the entry in the file with at least three digits ({@code 000-001}). The id does not depend on
 * URLs (an OpenReview {@code forum?id=} stays in {@link Paper#url()}), so it is the same for every
 * shape. The section becomes {@link Paper#venue()}. The line named in errors is the entry's first line.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ListingReader {
  static final int SNIFF_LINES = 200;

  static final String NOT_A_LISTING =
      "not a recognized paper listing (expected one of: email digest, session page, poster list, daily"
          + " feed)";

  private static final Pattern DIGEST_KEY =
      Pattern.compile("(?i)(title|authors?|abstract|url)\\s*:\\s*(.*)");
  private static final Pattern UNDERLINE = Pattern.compile("\\s*={3,}\\s*");
  private static final Pattern RULE = Pattern.compile("\\s*-{3,}\\s*");
  private static final Pattern AUTHOR_COUNT = Pattern.compile("\\s*•\\s*\\d+\\s+authors?\\s*");
  private static final Pattern TIME_LINE =
      Pattern.compile(
          "(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+.*\\d{1,2}:\\d{2}\\s*[-–]\\s*\\d{1,2}:\\d{2}.*");
  private static final Pattern KIND =
      Pattern.compile(
          "(?i)(spotlight|oral|poster|talk|invited talk|keynote|tutorial|demo|highlight|contributed talk)"
              + "( presentation)?");
  private static final Pattern POSTER_HEADER = Pattern.compile("(?i)poster session\\b.*");
  private static final Pattern FEED_DATE =
      Pattern.compile(
          "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+\\d+)?");
  private static final String MIDDLE_DOT = " · ";
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  enum Shape {
    EMAIL_DIGEST,
    DAILY_FEED,
    SESSION_PAGE,
    POSTER_LIST
  }

  private ListingReader() {}

  static void read(LineReader lines, SourceName src, PaperCollector out) throws IOException {
    List<LineReader.Line> head = lines.lookAhead(SNIFF_LINES);
    boolean empty = true;
    for (LineReader.Line l : head) {
      empty &= l.text().isBlank();
    }
    if (empty) {
      return; // the collector reports "no papers found"
    }
    Shape shape = detect(head);
    if (shape == null) {
      throw new CorpusFormatException(src.name(), 0, NOT_A_LISTING);
    }
    Entries entries = new Entries(lines, src, out);
    switch (shape) {
      case EMAIL_DIGEST -> readDigest(lines, entries);
      case DAILY_FEED -> readDailyFeed(lines, entries);
      case SESSION_PAGE -> readSessionPage(lines, entries);
      case POSTER_LIST -> readPosterList(lines, entries);
    }
  }

  /** The shape of a listing from its first lines, or null if none fits. */
  static Shape detect(List<LineReader.Line> head) {
    int titles = 0;
    int abstracts = 0;
    int counts = 0;
    int times = 0;
    List<String> nonBlank = new ArrayList<>();
    for (LineReader.Line l : head) {
      String t = l.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      nonBlank.add(t);
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.startsWith("title:")) {
        titles++;
      } else if (lower.startsWith("abstract:")) {
        abstracts++;
      } else if (AUTHOR_COUNT.matcher(t).matches()) {
        counts++;
      } else if (TIME_LINE.matcher(t).matches()) {
        times++;
      }
    }
    if (titles > 0 && abstracts > 0) {
      return Shape.EMAIL_DIGEST;
    }
    if (counts > 0) {
      return Shape.DAILY_FEED;
    }
    if (times > 0) {
      return Shape.SESSION_PAGE;
    }
    if (nonBlank.isEmpty()) {
      return null;
    }
    if (POSTER_HEADER.matcher(nonBlank.get(0)).matches() && nonBlank.size() >= 4) {
      return Shape.POSTER_LIST;
    }
    // Any header: author lines (" · ") in the middle of most title/authors/abstract triples, counted
    // from the first line (no header) or the second (a one-line header).
    for (int offset = 0; offset <= 1; offset++) {
      int triples = (nonBlank.size() - offset) / 3;
      int withAuthors = 0;
      for (int k = 0; k < triples; k++) {
        if (nonBlank.get(offset + 3 * k + 1).contains(MIDDLE_DOT)) {
          withAuthors++;
        }
      }
      if (triples >= 2 && withAuthors * 2 > triples) {
        return Shape.POSTER_LIST;
      }
    }
    return null;
  }

  // ---- email digest --------------------------------------------------------------------------

  private enum DigestField {
    NONE,
    TITLE,
    AUTHORS,
    ABSTRACT
  }

  private static void readDigest(LineReader lines, Entries entries) throws IOException {
    String section = null;
    Entry cur = null;
    DigestField field = DigestField.NONE;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      if (!t.isEmpty()) {
        String peek = lines.peek();
        if (peek != null && UNDERLINE.matcher(peek).matches()) {
          entries.emit(cur);
          cur = null;
          field = DigestField.NONE;
          section = t;
          lines.next();
          continue;
        }
      }
      if (RULE.matcher(t).matches()) {
        entries.emit(cur);
        cur = null;
        field = DigestField.NONE;
        continue;
      }
      Matcher key = DIGEST_KEY.matcher(t);
      if (key.matches()) {
        String name = key.group(1).toLowerCase(Locale.ROOT);
        String rest = key.group(2);
        if (name.equals("title")) {
          entries.emit(cur);
          cur = entries.start(n, section);
          cur.title.append(rest);
          field = DigestField.TITLE;
          continue;
        }
        if (cur != null) {
          cur.lastLine = n;
          switch (name) {
            case "authors", "author" -> {
              cur.authors.append(rest);
              field = DigestField.AUTHORS;
            }
            case "abstract" -> {
              cur.abstractText.append(rest);
              cur.hasAbstract = true;
              field = DigestField.ABSTRACT;
            }
            default -> {
              cur.url = rest.strip();
              field = DigestField.NONE; // a URL is one line; what follows is not part of it
            }
          }
          continue;
        }
      }
      if (cur == null || t.isEmpty()) {
        continue; // header noise outside entries; blank lines inside them
      }
      StringBuilder target =
          switch (field) {
            case TITLE -> cur.title;
            case AUTHORS -> cur.authors;
            case ABSTRACT -> cur.abstractText;
            case NONE -> null;
          };
      if (target != null) {
        target.append('\n').append(t);
        cur.lastLine = n;
      }
    }
    entries.emit(cur);
  }

  // ---- daily feed ----------------------------------------------------------------------------

  private static void readDailyFeed(LineReader lines, Entries entries) throws IOException {
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
      if (!AUTHOR_COUNT.matcher(t).matches()) {
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
        section = feedSection(paragraphs.subList(0, titleAt));
        first = false;
      }
      long start = paragraphs.isEmpty() ? n : paragraphLines.get(titleAt);
      Entry e = entries.start(start, section);
      if (titleAt < paragraphs.size()) {
        e.title.append(String.join(" ", paragraphs.get(titleAt)));
      }
      for (int i = titleAt + 1; i < paragraphs.size(); i++) {
        e.abstractText.append(String.join("\n", paragraphs.get(i))).append('\n');
        e.hasAbstract = true;
      }
      e.lastLine = n;
      e.date = feedDate(lines);
      if (e.date != null) {
        e.lastLine = lines.lineNumber();
      }
      entries.emit(e);
      paragraphs.clear();
      paragraphLines.clear();
      para = null;
    }
    if (paragraphs.size() >= 2) {
      // Two or more paragraphs after the last entry look like an entry that lost its count line.
      Entry e = entries.start(paragraphLines.get(0), section);
      throw new CorpusFormatException(
          entries.src.name(),
          e.firstLine,
          "incomplete daily-feed entry (no '• N authors' line before line " + (lastLine + 1) + ")");
    }
  }

  /** Consumes "·" and the date line after an author count; returns the date if it has a year. */
  private static LocalDate feedDate(LineReader lines) throws IOException {
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
          return LocalDate.of(
              Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
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

  private static String feedSection(List<List<String>> header) {
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

  // ---- session page --------------------------------------------------------------------------

  private static void readSessionPage(LineReader lines, Entries entries) throws IOException {
    String section = null;
    boolean afterSessionLine = false;
    List<String> block = null;
    long blockStart = 0;
    long lastLine = 0;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (TIME_LINE.matcher(t).matches()) {
        emitSession(block, blockStart, lastLine, section, entries);
        block = new ArrayList<>();
        blockStart = n;
        lastLine = n;
        continue;
      }
      if (block == null) {
        // Header: the line after "Session" names the session.
        if (afterSessionLine && section == null) {
          section = t;
        }
        afterSessionLine = t.equalsIgnoreCase("session");
        continue;
      }
      block.add(t);
      lastLine = n;
    }
    emitSession(block, blockStart, lastLine, section, entries);
  }

  private static void emitSession(
      List<String> block, long start, long end, String section, Entries entries)
      throws CorpusFormatException {
    if (block == null) {
      return;
    }
    Entry e = entries.start(start, section);
    e.lastLine = end;
    int i = !block.isEmpty() && KIND.matcher(block.get(0)).matches() ? 1 : 0;
    if (i < block.size()) {
      e.title.append(block.get(i));
    }
    if (i + 1 < block.size()) {
      e.authors.append(block.get(i + 1));
      e.authorSeparator = MIDDLE_DOT;
    }
    if (i + 2 < block.size()) {
      e.abstractText.append(String.join("\n", block.subList(i + 2, block.size())));
      e.hasAbstract = true;
    }
    entries.emit(e);
  }

  // ---- poster list ---------------------------------------------------------------------------

  private static void readPosterList(LineReader lines, Entries entries) throws IOException {
    String section = null;
    boolean header = true;
    Entry e = null;
    int part = 0;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (header) {
        header = false;
        // The first line names the session unless it is a title followed by an author line.
        String next = lines.peek();
        if (POSTER_HEADER.matcher(t).matches() || (next != null && !next.contains(MIDDLE_DOT))) {
          section = t;
          continue;
        }
      }
      switch (part) {
        case 0 -> {
          e = entries.start(n, section);
          e.title.append(t);
        }
        case 1 -> {
          e.authors.append(t);
          e.authorSeparator = MIDDLE_DOT;
          e.lastLine = n;
        }
        default -> {
          e.abstractText.append(t);
          e.hasAbstract = true;
          e.lastLine = n;
          entries.emit(e);
          e = null;
        }
      }
      part = (part + 1) % 3;
    }
    entries.emit(e); // the file ended inside an entry: reported as a missing abstract
  }

  // ---- shared --------------------------------------------------------------------------------

  /** One listing entry being assembled. */
  private static final class Entry {
    final long firstLine;
    final int position;
    final String section;
    long lastLine;
    final StringBuilder title = new StringBuilder();
    final StringBuilder authors = new StringBuilder();
    final StringBuilder abstractText = new StringBuilder();
    boolean hasAbstract;
    String authorSeparator = ",";
    String url;
    LocalDate date;

    Entry(long firstLine, int position, String section) {
      this.firstLine = firstLine;
      this.lastLine = firstLine;
      this.position = position;
      this.section = section;
    }
  }

  /** Numbers entries and hands them to the collector. */
  private static final class Entries {
    final LineReader lines;
    final SourceName src;
    final PaperCollector out;
    final String idPrefix;
    int position;

    Entries(LineReader lines, SourceName src, PaperCollector out) {
      this.lines = lines;
      this.src = src;
      this.out = out;
      String f = src.fileName();
      this.idPrefix = f.length() <= 3 ? f : f.substring(0, 3);
    }

    Entry start(long line, String section) {
      return new Entry(line, ++position, section);
    }

    void emit(Entry e) throws CorpusFormatException {
      if (e == null) {
        return;
      }
      Origin origin = new Origin(src.name(), e.firstLine);
      PaperFields f = new PaperFields();
      f.title = e.title.toString();
      f.abstractText = e.hasAbstract ? e.abstractText.toString() : null;
      f.addAuthors(TextNormalization.collapseWhitespace(e.authors.toString()), Pattern.quote(e.authorSeparator.strip()));
      f.url = e.url;
      f.venue = e.section;
      f.date = e.date;
      try {
        out.checkEncoding(lines, e.firstLine, e.lastLine);
      } catch (CorpusFormatException bad) {
        out.reject(bad);
        return;
      }
      out.add(f, String.format(Locale.ROOT, "%s-%03d", idPrefix, e.position), origin);
    }
  }
}
