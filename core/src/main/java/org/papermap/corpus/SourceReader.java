package org.papermap.corpus;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one source into a {@link PaperCollector}: unwraps gzip (by its magic bytes), splits lines, and
 * hands them to the reader of the source's format, detected as {@link CorpusReader} documents under
 * {@link CorpusFormat#AUTO}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class SourceReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER_SIZE = 1 << 16;
  private static final Pattern BIBTEX_ENTRY = Pattern.compile("@[A-Za-z]+\\s*[{(].*");

  private SourceReader() {}

  /**
   * Reads one stream (not closed here). In lenient mode a problem that stops the source is reported
   * to the collector and reading goes on with the next source.
   */
  static void read(InputStream raw, String name, CorpusReader.Options options, PaperCollector out)
      throws IOException {
    CountingInputStream counting = new CountingInputStream(raw);
    BufferedInputStream buffered = new BufferedInputStream(counting, BUFFER_SIZE);
    out.beginSource(name, counting::count);
    LineReader lines = null;
    try {
      InputStream in = isGzip(buffered) ? new GzipDecoder(buffered) : buffered;
      lines = new LineReader(in, name, options.lenient(), options.maxRecordBytes());
      dispatch(lines, SourceName.of(name), options, out);
    } catch (IOException e) {
      // A device error mid-file ("Input/output error") must name the file as well.
      CorpusFormatException located =
          e instanceof CorpusFormatException c
              ? c
              : new CorpusFormatException(
                  name, lines == null ? 0 : lines.lineNumber() + 1, "cannot be read: " + e.getMessage(), e);
      if (!options.lenient()) {
        throw located;
      }
      out.sourceFailed(located);
    }
    out.endSource(lines);
  }

  private static void dispatch(LineReader lines, SourceName src, CorpusReader.Options options, PaperCollector out)
      throws IOException {
    String ext = src.formatExtension();
    CsvColumns columns = options.csvColumns();
    CorpusFormat format = options.format();
    switch (format) {
      case JSONL, ARXIV, SEMANTIC_SCHOLAR, OPENALEX -> JsonLinesReader.read(lines, src, out, format);
      case CSV -> CsvRecordReader.read(lines, src, out, columns, delimiter(lines, ext));
      case LISTING -> ListingReader.read(lines, src, out);
      case BIBTEX -> BibtexReader.read(lines, src, out);
      case RIS -> RisReader.read(lines, src, out);
      case AUTO -> {
        switch (ext) {
          case "jsonl", "ndjson", "json" -> JsonLinesReader.read(lines, src, out, CorpusFormat.AUTO);
          case "csv" -> CsvRecordReader.read(lines, src, out, columns, ',');
          case "tsv" -> CsvRecordReader.read(lines, src, out, columns, '\t');
          case "bib" -> BibtexReader.read(lines, src, out);
          case "ris" -> RisReader.read(lines, src, out);
          default -> sniff(lines, src, columns, out, ext.equals("txt") || ext.equals("md"));
        }
      }
    }
  }

  /**
   * Content sniffing: RIS ({@code TY  - }) and BibTeX ({@code @type{}) by their first line; unless the
   * extension says text, JSON Lines by a first '{' and CSV/TSV by a header with a title column (or
   * Zotero's columns); a plain-text listing otherwise.
   */
  private static void sniff(LineReader lines, SourceName src, CsvColumns columns, PaperCollector out, boolean text)
      throws IOException {
    LineReader.Line first = lines.firstNonBlank();
    if (first == null) {
      return; // empty: "no papers found"
    }
    String t = first.text().strip();
    if (RisReader.isRecordStart(t)) {
      RisReader.read(lines, src, out);
    } else if (BIBTEX_ENTRY.matcher(t).matches()) {
      BibtexReader.read(lines, src, out);
    } else if (!text && (t.startsWith("{") || t.startsWith("["))) {
      JsonLinesReader.read(lines, src, out, CorpusFormat.AUTO);
    } else if (!text && hasTitleColumn(t, ',', columns)) {
      CsvRecordReader.read(lines, src, out, columns, ',');
    } else if (!text && hasTitleColumn(t, '\t', columns)) {
      CsvRecordReader.read(lines, src, out, columns, '\t');
    } else {
      ListingReader.read(lines, src, out);
    }
  }

  private static boolean hasTitleColumn(String header, char delimiter, CsvColumns columns) {
    if (header.indexOf(delimiter) < 0) {
      return false;
    }
    for (String cell : header.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
      String c = cell.strip();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1).strip();
      }
      String lower = c.toLowerCase(Locale.ROOT);
      if (lower.equals("title") || lower.equals(columns.title().strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Tab for .tsv files and for a header that has tabs but no commas; comma otherwise. */
  private static char delimiter(LineReader lines, String ext) throws IOException {
    if (ext.equals("tsv")) {
      return '\t';
    }
    if (ext.equals("csv")) {
      return ',';
    }
    LineReader.Line first = lines.firstNonBlank();
    return first != null && first.text().indexOf('\t') >= 0 && first.text().indexOf(',') < 0 ? '\t' : ',';
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
  }

  /** Counts bytes taken from the underlying stream, for progress. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    @Override
    public void mark(int readlimit) {
      // Not supported: counting would go wrong after a reset. BufferedInputStream above does marks.
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
