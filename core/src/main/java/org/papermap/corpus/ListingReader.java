package org.papermap.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * <p>Ids come from the paper itself ({@link PaperIds}): the arXiv, DOI or OpenReview id in its URL,
 * else a hash of its title; so they are unique across files and do not change when a file is renamed
 * or an entry is added above. The section becomes {@link Paper#venue()}. The line named in errors is
 * the entry's first line. One reader per shape: {@link DigestListing}, {@link DailyFeedListing},
 * {@link SessionPageListing}, {@link PosterListListing}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ListingReader {
  static final int SNIFF_LINES = 200;

  static final String NOT_A_LISTING =
      "not a recognized paper listing (expected one of: email digest, session page, poster list, daily"
          + " feed)";

  static final Pattern AUTHOR_COUNT = Pattern.compile("\\s*•\\s*\\d+\\s+authors?\\s*");
  static final Pattern TIME_LINE =
      Pattern.compile(
          "(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+.*\\d{1,2}:\\d{2}\\s*[-–]\\s*\\d{1,2}:\\d{2}.*");
  static final Pattern POSTER_HEADER = Pattern.compile("(?i)poster session\\b.*");
  static final String MIDDLE_DOT = " · ";

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
    ListingEntry.Sink entries = new ListingEntry.Sink(lines, src, out);
    switch (shape) {
      case EMAIL_DIGEST -> DigestListing.read(lines, entries);
      case DAILY_FEED -> DailyFeedListing.read(lines, entries);
      case SESSION_PAGE -> SessionPageListing.read(lines, entries);
      case POSTER_LIST -> PosterListListing.read(lines, entries);
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
}
