package org.papermap.corpus;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One listing entry being assembled by a listing shape reader, and {@link Sink}, which hands finished
 * entries to the collector. The line named in errors is the entry's first line.
 *
 * <p>Thread-safety: not thread-safe; one instance per entry (a sink per source).
 */
final class ListingEntry {
  final long firstLine;
  final String section;
  long lastLine;
  final StringBuilder title = new StringBuilder();
  final StringBuilder authors = new StringBuilder();
  final StringBuilder abstractText = new StringBuilder();
  boolean hasAbstract;
  String authorSeparator = ",";
  String url;
  LocalDate date;
  /** The keys seen, for shapes that label fields ("title", "authors", ...). */
  final java.util.Set<String> keys = new java.util.HashSet<>();

  private ListingEntry(long firstLine, String section) {
    this.firstLine = firstLine;
    this.lastLine = firstLine;
    this.section = section;
  }

  /**
   * Starts entries (marking each as a record for the size limit) and hands them to the collector,
   * with the id taken from the paper ({@link PaperIds}).
   *
   * <p>Thread-safety: not thread-safe; one instance per source.
   */
  static final class Sink {
    final LineReader lines;
    final SourceName src;
    final PaperCollector out;

    Sink(LineReader lines, SourceName src, PaperCollector out) {
      this.lines = lines;
      this.src = src;
      this.out = out;
      lines.recordHint("a listing entry that never ends: a missing separator line?");
      lines.markRecord();
    }

    /** A new entry starting at {@code line}. */
    ListingEntry start(long line, String section) {
      lines.markRecord(line);
      return new ListingEntry(line, section);
    }

    /** A broken entry: thrown in strict mode, counted in lenient mode. */
    void reject(long line, String rule) throws CorpusFormatException {
      out.reject(new CorpusFormatException(src.name(), line, rule));
    }

    void emit(ListingEntry e) throws CorpusFormatException {
      if (e == null) {
        return;
      }
      Origin origin = new Origin(src.name(), e.firstLine);
      PaperFields f = new PaperFields();
      f.title = e.title.toString();
      f.abstractText = e.hasAbstract ? e.abstractText.toString() : null;
      f.addAuthors(
          TextNormalization.collapseWhitespace(e.authors.toString()),
          Pattern.quote(e.authorSeparator.strip()));
      f.url = e.url;
      f.venue = e.section;
      f.date = e.date;
      try {
        out.checkEncoding(lines, e.firstLine, e.lastLine);
      } catch (CorpusFormatException bad) {
        out.reject(bad);
        return;
      }
      out.add(f, origin);
    }
  }
}
