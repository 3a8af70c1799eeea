package org.papermap.corpus;

import java.io.IOException;

/**
 * The poster-list listing shape: a first line naming the session (the section), then three lines per
 * paper: title, authors joined by {@code " · "}, abstract. See {@link ListingReader}.
 *
 * <p>Triples are positional, so one lost line would shift every later paper by a line. Each author
 * line is therefore checked to look like one (names joined by {@code " · "}, or one short name), and
 * each title not to be an author line; a lost line is reported where it happens, and lenient mode
 * skips that entry and picks up the triples again at the next line.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class PosterListListing {
  /** A line without " · " still passes as an author line (one author) up to this many words. */
  static final int MAX_SINGLE_AUTHOR_WORDS = 8;

  private PosterListListing() {}

  static void read(LineReader lines, ListingEntry.Sink entries) throws IOException {
    String section = null;
    boolean header = true;
    ListingEntry e = null;
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
        if (ListingReader.POSTER_HEADER.matcher(t).matches()
            || (next != null && !next.contains(ListingReader.MIDDLE_DOT))) {
          section = t;
          continue;
        }
      }
      switch (part) {
        case 0 -> {
          if (t.contains(ListingReader.MIDDLE_DOT)) {
            entries.reject(
                n,
                "poster list: expected a title at line "
                    + n
                    + ", found an author line (a title or abstract line missing above?)");
            skipAbstractAfter(lines);
            continue; // part stays 0: the next line is read as a title
          }
          e = entries.start(n, section);
          e.title.append(t);
        }
        case 1 -> {
          if (!looksLikeAuthors(t)) {
            entries.reject(
                e.firstLine,
                "poster list: expected the authors of '"
                    + abbreviate(e.title.toString())
                    + "' at line "
                    + n
                    + ", found "
                    + words(t)
                    + " words of text (an author line missing?)");
            e = null;
            part = 0; // that line was the abstract: the next line starts a new entry
            continue;
          }
          e.authors.append(t);
          e.authorSeparator = ListingReader.MIDDLE_DOT;
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

  /** Names joined by " · ", or one short name. */
  static boolean looksLikeAuthors(String line) {
    if (line.contains(ListingReader.MIDDLE_DOT)) {
      return true;
    }
    return words(line) <= MAX_SINGLE_AUTHOR_WORDS;
  }

  /** After an author line found in the title slot, the abstract that follows belongs to it. */
  private static void skipAbstractAfter(LineReader lines) throws IOException {
    String next;
    while ((next = lines.peek()) != null && next.isBlank()) {
      lines.next();
    }
    if (next != null && !next.contains(ListingReader.MIDDLE_DOT) && !looksLikeAuthors(next)) {
      lines.next();
    }
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  private static String abbreviate(String title) {
    return title.length() <= 60 ? title : title.substring(0, 57) + "...";
  }
}
