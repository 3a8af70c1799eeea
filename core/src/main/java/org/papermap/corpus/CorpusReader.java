package org.papermap.corpus;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads papers from JSON Lines, CSV/TSV, the arXiv metadata snapshot and plain-text listings into a
 * {@link Corpus}. This is PaperMap's I/O edge: the only place where files are parsed.
 *
 * <p><b>Formats.</b> With {@link CorpusFormat#AUTO} each file's format comes from its extension after
 * stripping {@code .gz}: {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines, read as the
 * arXiv snapshot if the first record has {@code categories} and ({@code versions} or {@code
 * update_date}); {@code .csv} is CSV and {@code .tsv} tab-separated; {@code .txt} and {@code .md} are
 * listings. Any other extension is sniffed: a first non-blank character '{' means JSON Lines, a header
 * line with a comma (or tab) and a {@code title} column means CSV (or TSV), anything else a listing.
 *
 * <p><b>Input.</b> Gzip is recognized by its magic bytes, whatever the name. Input must be UTF-8;
 * invalid bytes are an error naming the file and line (never silently replaced). Reading streams:
 * memory per record is constant (one line, or one CSV record, or one listing entry), and no file is
 * ever held in one string.
 *
 * <p><b>Errors.</b> In strict mode (default) the first problem throws {@link CorpusFormatException}
 * with the message {@code file:line: rule}: malformed JSON, missing or empty title or abstract, a
 * wrong-typed field, invalid UTF-8, a duplicate id (within or across files, {@code "duplicate id 'X'
 * (first at file:line)"}), missing CSV columns, an unrecognizable listing, or a file with no papers
 * ({@code "file: no papers found"}). In lenient mode bad records are skipped, counted in {@link
 * ReadReport#recordsSkipped()}, and their messages kept (the first {@link
 * Options#maxReportedErrors()}); a file that cannot be read at all, or gives no papers, is reported
 * there too and contributes no papers.
 *
 * <p>Thread-safety: stateless; safe. Each call reads its own sources.
 */
public final class CorpusReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER_SIZE = 1 << 16;

  private CorpusReader() {}

  /**
   * Reads the files in order with default options: format detection, strict errors, NFKC.
   *
   * @throws IllegalArgumentException if no path is given
   * @throws CorpusFormatException at the first bad record or file
   * @throws IOException if a file cannot be read
   */
  public static Corpus read(Path... paths) throws IOException {
    Objects.requireNonNull(paths, "paths");
    return read(List.of(paths), Options.defaults()).corpus();
  }

  /**
   * Reads the files in order into one corpus.
   *
   * @param paths the files, at least one; duplicate ids across them are an error
   * @throws IllegalArgumentException if {@code paths} is empty
   * @throws CorpusFormatException (strict mode) at the first bad record or file
   * @throws IOException if a file cannot be read
   */
  public static ReadResult read(List<Path> paths, Options options) throws IOException {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(options, "options");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("paths must not be empty");
    }
    for (int i = 0; i < paths.size(); i++) {
      Objects.requireNonNull(paths.get(i), "paths[" + i + "]");
    }
    PaperCollector out = new PaperCollector(options);
    for (Path path : paths) {
      long size = Files.size(path);
      try (InputStream in = Files.newInputStream(path)) {
        readSource(in, path.toString(), size, options, out);
      }
    }
    return out.finish();
  }

  /**
   * Reads one stream (closed by the caller). {@code sourceName} names it in messages and ids and, with
   * {@link CorpusFormat#AUTO}, its extension picks the format.
   *
   * @throws IllegalArgumentException if {@code sourceName} is blank
   * @throws CorpusFormatException (strict mode) at the first bad record
   */
  public static ReadResult read(InputStream in, String sourceName, Options options) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    if (sourceName.isBlank()) {
      throw new IllegalArgumentException("sourceName must not be blank");
    }
    PaperCollector out = new PaperCollector(options);
    readSource(in, sourceName, -1, options, out);
    return out.finish();
  }

  private static void readSource(
      InputStream raw, String name, long size, Options options, PaperCollector out) throws IOException {
    CountingInputStream counting = new CountingInputStream(raw);
    BufferedInputStream buffered = new BufferedInputStream(counting, BUFFER_SIZE);
    out.beginSource(name, counting::count, size);
    LineReader lines = null;
    try {
      InputStream in = isGzip(buffered) ? gunzip(buffered, name) : buffered;
      lines = new LineReader(in, name, options.lenient());
      SourceName src = SourceName.of(name);
      dispatch(lines, src, options, out);
    } catch (CorpusFormatException e) {
      if (!options.lenient()) {
        throw e;
      }
      out.sourceFailed(e);
    }
    out.endSource(lines);
  }

  private static void dispatch(LineReader lines, SourceName src, Options options, PaperCollector out)
      throws IOException {
    String ext = src.formatExtension();
    CorpusFormat format = options.format();
    switch (format) {
      case JSONL, ARXIV -> JsonLinesReader.read(lines, src, out, format);
      case CSV -> CsvRecordReader.read(lines, src, out, options.csvColumns(), delimiter(lines, ext));
      case LISTING -> ListingReader.read(lines, src, out);
      case AUTO -> {
        switch (ext) {
          case "jsonl", "ndjson", "json" -> JsonLinesReader.read(lines, src, out, CorpusFormat.AUTO);
          case "csv" -> CsvRecordReader.read(lines, src, out, options.csvColumns(), ',');
          case "tsv" -> CsvRecordReader.read(lines, src, out, options.csvColumns(), '\t');
          case "txt", "md" -> ListingReader.read(lines, src, out);
          default -> sniff(lines, src, options, out);
        }
      }
    }
  }

  /** Content sniffing for unknown extensions. */
  private static void sniff(LineReader lines, SourceName src, Options options, PaperCollector out)
      throws IOException {
    String first = firstNonBlank(lines);
    if (first == null) {
      return; // empty: "no papers found"
    }
    String t = first.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      JsonLinesReader.read(lines, src, out, CorpusFormat.AUTO);
    } else if (hasTitleColumn(t, ',', options.csvColumns())) {
      CsvRecordReader.read(lines, src, out, options.csvColumns(), ',');
    } else if (hasTitleColumn(t, '\t', options.csvColumns())) {
      CsvRecordReader.read(lines, src, out, options.csvColumns(), '\t');
    } else {
      ListingReader.read(lines, src, out);
    }
  }

  private static boolean hasTitleColumn(String header, char delimiter, CsvColumns columns) {
    if (header.indexOf(delimiter) < 0) {
      return false;
    }
    for (String cell : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
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
    String first = firstNonBlank(lines);
    return first != null && first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
  }

  private static String firstNonBlank(LineReader lines) throws IOException {
    for (int ahead = 16; ; ahead *= 2) {
      List<LineReader.Line> peek = lines.lookAhead(ahead);
      for (LineReader.Line l : peek) {
        if (!l.text().isBlank()) {
          return l.text();
        }
      }
      if (peek.size() < ahead) {
        return null;
      }
    }
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
  }

  private static InputStream gunzip(InputStream in, String name) throws IOException {
    try {
      return new GZIPInputStream(in, BUFFER_SIZE);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new CorpusFormatException(name, 0, "corrupt gzip header: " + e.getMessage(), e);
    }
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

  /**
   * How to read. Build with {@link #builder()}; {@link #defaults()} is AUTO format, strict, NFKC,
   * default CSV columns, {@value #DEFAULT_MAX_REPORTED_ERRORS} reported errors, no progress listener.
   *
   * <p>Thread-safety: immutable and safe (the progress listener is the caller's).
   *
   * @param format the input format, or AUTO to detect it per file
   * @param lenient false: the first bad record throws; true: bad records are skipped and reported
   * @param normalization applied to title, abstract, authors and venue
   * @param csvColumns header names for CSV input
   * @param maxReportedErrors how many error messages {@link ReadReport#firstErrors()} keeps, >= 0
   * @param progress progress listener, or null
   */
  public record Options(
      CorpusFormat format,
      boolean lenient,
      TextNormalization normalization,
      CsvColumns csvColumns,
      int maxReportedErrors,
      ReadProgress progress) {
    public static final CorpusFormat DEFAULT_FORMAT = CorpusFormat.AUTO;
    public static final boolean DEFAULT_LENIENT = false;
    public static final TextNormalization DEFAULT_NORMALIZATION = TextNormalization.NFKC;
    public static final int DEFAULT_MAX_REPORTED_ERRORS = 10;

    private static final Options DEFAULTS = builder().build();

    public Options {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(normalization, "normalization");
      Objects.requireNonNull(csvColumns, "csvColumns");
      if (maxReportedErrors < 0) {
        throw new IllegalArgumentException("maxReportedErrors must be >= 0, got " + maxReportedErrors);
      }
    }

    public static Options defaults() {
      return DEFAULTS;
    }

    public static Builder builder() {
      return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
      return new Builder()
          .format(format)
          .lenient(lenient)
          .normalization(normalization)
          .csvColumns(csvColumns)
          .maxReportedErrors(maxReportedErrors)
          .progress(progress);
    }

    /**
     * Builder for {@link Options}; values are checked by {@link #build()}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
      private CorpusFormat format = DEFAULT_FORMAT;
      private boolean lenient = DEFAULT_LENIENT;
      private TextNormalization normalization = DEFAULT_NORMALIZATION;
      private CsvColumns csvColumns = CsvColumns.defaults();
      private int maxReportedErrors = DEFAULT_MAX_REPORTED_ERRORS;
      private ReadProgress progress;

      private Builder() {}

      public Builder format(CorpusFormat format) {
        this.format = format;
        return this;
      }

      public Builder lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
      }

      public Builder normalization(TextNormalization normalization) {
        this.normalization = normalization;
        return this;
      }

      public Builder csvColumns(CsvColumns csvColumns) {
        this.csvColumns = csvColumns;
        return this;
      }

      public Builder maxReportedErrors(int maxReportedErrors) {
        this.maxReportedErrors = maxReportedErrors;
        return this;
      }

      /** A progress listener, or null for none. */
      public Builder progress(ReadProgress progress) {
        this.progress = progress;
        return this;
      }

      public Options build() {
        return new Options(format, lenient, normalization, csvColumns, maxReportedErrors, progress);
      }
    }
  }
}
