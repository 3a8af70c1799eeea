package org.papermap.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;

/**
 * Reads papers from JSON Lines, CSV/TSV (Zotero exports too), the arXiv metadata snapshot, Semantic
 * Scholar and OpenAlex JSON Lines, BibTeX, RIS and plain-text paper listings into a {@link Corpus}.
 * This is PaperMap's I/O edge: the only place where files are parsed.
 *
 * <p><b>Inputs.</b> Each path is a file or a folder; a folder stands for the regular files directly in
 * it whose extension is supported ({@code .jsonl .ndjson .json .csv .tsv .txt .bib .ris}, each
 * optionally {@code .gz}; not {@code .md}, which in a folder is nearly always documentation), in name
 * order; hidden files, subfolders and other files are listed in {@link ReadReport#filesIgnored()}. A path that is missing, unreadable, a named pipe, a device or a
 * socket is an error naming the path and the cause; a pipe is never opened (it could block for
 * ever).
 *
 * <p><b>Formats.</b> With {@link CorpusFormat#AUTO} each file's format comes from its extension after
 * stripping {@code .gz}: {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines, whose mapping
 * (PaperMap's own, arXiv snapshot, Semantic Scholar, OpenAlex) is chosen by the fields of the first
 * record; {@code .csv} is CSV and {@code .tsv} tab-separated (a Zotero header selects {@link
 * CsvColumns#zotero()} when the columns are the defaults); {@code .bib} is BibTeX and {@code .ris}
 * RIS; {@code .txt} and {@code .md} are RIS or BibTeX when their first line says so, else listings.
 * Any other extension is sniffed: a first line {@code TY  - } means RIS, {@code @type{...}} BibTeX, '{'
 * JSON Lines, a header line with a comma (or tab) and a {@code title} column CSV (or TSV), anything
 * else a listing.
 *
 * <p><b>Text.</b> Text is kept as read: readers only collapse white space (see {@link
 * TextNormalization}); Unicode normalization belongs to analysis. Input must be UTF-8; invalid bytes
 * are an error naming the file and line (never silently replaced). Gzip is recognized by its magic
 * bytes, whatever the name, and read strictly (a bad CRC, a truncated stream or bytes after the gzip
 * data are errors). Reading streams: memory per record is bounded by {@link
 * Options#maxRecordBytes()}, and no file is ever held in one string.
 *
 * <p><b>Ids.</b> A record's own id is used when it has one; otherwise the id comes from the paper
 * (its arXiv, DOI or OpenReview id, else a hash of its title; see {@code docs/corpus.md}), so ids are
 * unique across files and do not change when a file is renamed. Ids with control characters are
 * rejected.
 *
 * <p><b>Errors.</b> In strict mode (default) the first problem throws {@link CorpusFormatException}
 * with the message {@code file:line: rule}. In lenient mode bad records are skipped, counted in {@link
 * ReadReport#recordsSkipped()} and their messages kept (the first {@link Options#maxReportedErrors()});
 * a file that fails as a whole, or gives no papers, contributes nothing and is listed in {@link
 * ReadReport#filesSkipped()} with its reason.
 *
 * <p><b>Return type.</b> Every {@code read} returns a {@link ReadResult}: the {@link Corpus} and the
 * {@link ReadReport} of what was read and skipped.
 *
 * <p><b>Progress.</b> The overloads with a {@link ProgressListener} report one step, {@code read},
 * counted in bytes of input (compressed bytes for gzip) over all sources; its total is unknown for a
 * stream or a file whose size cannot be read.
 *
 * <p>Thread-safety: stateless; safe. Each call reads its own sources.
 */
public final class CorpusReader {
  private CorpusReader() {}

  /**
   * Reads files and folders in order with default options: format detection, strict errors, text as
   * read.
   *
   * @throws IllegalArgumentException if no path is given
   * @throws CorpusFormatException at the first bad record or file, or a path that cannot be read
   * @throws IOException if reading fails
   */
  public static ReadResult read(Path... paths) throws IOException {
    Objects.requireNonNull(paths, "paths");
    return read(List.of(paths), Options.defaults());
  }

  /**
   * Reads files and folders in order into one corpus.
   *
   * @param paths files or folders, at least one; duplicate ids across them are an error
   * @throws IllegalArgumentException if {@code paths} is empty
   * @throws CorpusFormatException (strict mode) at the first bad record or file, or a path that cannot
   *     be read
   * @throws IOException if reading fails
   */
  public static ReadResult read(List<Path> paths, Options options) throws IOException {
    return read(paths, options, ProgressListener.NONE);
  }

  /**
   * As {@link #read(List, Options)}, reporting the step {@code read} to {@code progress}.
   *
   * @throws IllegalArgumentException if {@code paths} is empty
   * @throws CorpusFormatException (strict mode) at the first bad record or file, or a path that cannot
   *     be read
   * @throws IOException if reading fails
   */
  public static ReadResult read(List<Path> paths, Options options, ProgressListener progress)
      throws IOException {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("paths must not be empty");
    }
    for (int i = 0; i < paths.size(); i++) {
      Objects.requireNonNull(paths.get(i), "paths[" + i + "]");
    }
    List<String> ignored = new ArrayList<>();
    List<InputFiles.Source> sources = InputFiles.expand(paths, ignored);
    if (!options.lenient()) {
      // Fail before reading anything: a typo in the last path should not cost a long read first.
      for (InputFiles.Source source : sources) {
        if (source.problem() != null) {
          throw source.problem();
        }
      }
    }
    try (StepProgress step = StepProgress.begin(progress, "read", totalBytes(sources), "bytes")) {
      return read(sources, ignored, options, step);
    }
  }

  private static ReadResult read(
      List<InputFiles.Source> sources, List<String> ignored, Options options, StepProgress step)
      throws IOException {
    PaperCollector out = new PaperCollector(options, step);
    for (String name : ignored) {
      out.ignored(name);
    }
    for (InputFiles.Source source : sources) {
      CorpusFormatException problem = source.problem();
      InputStream in = null;
      if (problem == null) {
        try {
          in = InputFiles.open(source.path());
        } catch (CorpusFormatException e) {
          problem = e;
        }
      }
      if (problem != null) {
        if (!options.lenient()) {
          throw problem;
        }
        out.sourceUnreadable(problem);
        continue;
      }
      try (InputStream stream = in) {
        SourceReader.read(stream, source.path().toString(), options, out);
      }
    }
    return out.finish();
  }

  /** The size of every readable source, or -1 if one is unknown. */
  private static long totalBytes(List<InputFiles.Source> sources) {
    long total = 0;
    for (InputFiles.Source source : sources) {
      if (source.problem() == null) {
        long size = InputFiles.size(source.path());
        if (size < 0) {
          return -1;
        }
        total += size;
      }
    }
    return total;
  }

  /**
   * Reads one stream (closed by the caller). {@code sourceName} names it in messages and, with {@link
   * CorpusFormat#AUTO}, its extension picks the format.
   *
   * @throws IllegalArgumentException if {@code sourceName} is blank
   * @throws CorpusFormatException (strict mode) at the first bad record
   */
  public static ReadResult read(InputStream in, String sourceName, Options options) throws IOException {
    return read(in, sourceName, options, ProgressListener.NONE);
  }

  /**
   * As {@link #read(InputStream, String, Options)}, reporting the step {@code read} (of unknown total)
   * to {@code progress}.
   *
   * @throws IllegalArgumentException if {@code sourceName} is blank
   * @throws CorpusFormatException (strict mode) at the first bad record
   */
  public static ReadResult read(InputStream in, String sourceName, Options options, ProgressListener progress)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    if (sourceName.isBlank()) {
      throw new IllegalArgumentException("sourceName must not be blank");
    }
    try (StepProgress step = StepProgress.begin(progress, "read", -1, "bytes")) {
      PaperCollector out = new PaperCollector(options, step);
      SourceReader.read(in, sourceName, options, out);
      return out.finish();
    }
  }

  /**
   * How to read. Build with {@link #builder()}; {@link #defaults()} is AUTO format, strict, text as
   * read ({@link TextNormalization#NONE}), default CSV columns, {@value #DEFAULT_MAX_REPORTED_ERRORS}
   * reported errors, records up to {@value #DEFAULT_MAX_RECORD_BYTES} bytes.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param format the input format, or AUTO to detect it per file
   * @param lenient false: the first bad record throws; true: bad records are skipped and reported
   * @param normalization applied to title, abstract, authors and venue: {@link
   *     TextNormalization#NONE} (white space only; the default) or {@link TextNormalization#NFKC}
   * @param csvColumns header names for CSV input
   * @param maxReportedErrors how many error messages {@link ReadReport#firstErrors()} keeps, >= 0
   * @param maxRecordBytes the longest accepted line or record (a JSON line, a CSV record with its
   *     quoted line breaks, a BibTeX entry, a listing entry), in bytes, in [1, 2^31-1]; a longer one
   *     (an unclosed quote, binary input) fails at once, naming the line where it starts
   */
  public record Options(
      CorpusFormat format,
      boolean lenient,
      TextNormalization normalization,
      CsvColumns csvColumns,
      int maxReportedErrors,
      int maxRecordBytes) {
    public static final CorpusFormat DEFAULT_FORMAT = CorpusFormat.AUTO;
    public static final boolean DEFAULT_LENIENT = false;
    public static final TextNormalization DEFAULT_NORMALIZATION = TextNormalization.NONE;
    public static final int DEFAULT_MAX_REPORTED_ERRORS = 10;
    /** 64 MiB, the longest line or record read by default. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;

    private static final Options DEFAULTS = builder().build();

    public Options {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(normalization, "normalization");
      Objects.requireNonNull(csvColumns, "csvColumns");
      if (maxReportedErrors < 0) {
        throw new IllegalArgumentException("maxReportedErrors must be >= 0, got " + maxReportedErrors);
      }
      if (maxRecordBytes < 1) {
        throw new IllegalArgumentException("maxRecordBytes must be >= 1, got " + maxRecordBytes);
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
          .maxRecordBytes(maxRecordBytes);
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
      private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;

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

      public Builder maxRecordBytes(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        return this;
      }

      public Options build() {
        return new Options(
            format, lenient, normalization, csvColumns, maxReportedErrors, maxRecordBytes);
      }
    }
  }
}
