package org.papermap.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The session-page listing shape (e.g. an ICML session): {@code Session}, the session name (the
 * section), then per paper a time line, an optional kind line ({@code Spotlight}, {@code Oral}, ...),
 * the title, the authors joined by {@code " · "} and the abstract. See {@link ListingReader}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class SessionPageListing {
  private static final Pattern KIND =
      Pattern.compile(
          "(?i)(spotlight|oral|poster|talk|invited talk|keynote|tutorial|demo|highlight|contributed talk)"
              + "( presentation)?");

  private SessionPageListing() {}

  static void read(LineReader lines, ListingEntry.Sink entries) throws IOException {
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
      if (ListingReader.TIME_LINE.matcher(t).matches()) {
        emit(block, blockStart, lastLine, section, entries);
        block = new ArrayList<>();
        blockStart = n;
        lastLine = n;
        entries.lines.markRecord(n);
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
    emit(block, blockStart, lastLine, section, entries);
  }

  private static void emit(List<String> block, long start, long end, String section, ListingEntry.Sink entries)
      throws CorpusFormatException {
    if (block == null) {
      return;
    }
    ListingEntry e = entries.start(start, section);
    e.lastLine = end;
    int i = !block.isEmpty() && KIND.matcher(block.get(0)).matches() ? 1 : 0;
    if (i < block.size()) {
      e.title.append(block.get(i));
    }
    if (i + 1 < block.size()) {
      e.authors.append(block.get(i + 1));
      e.authorSeparator = ListingReader.MIDDLE_DOT;
    }
    if (i + 2 < block.size()) {
      e.abstractText.append(String.join("\n", block.subList(i + 2, block.size())));
      e.hasAbstract = true;
    }
    entries.emit(e);
  }
}
