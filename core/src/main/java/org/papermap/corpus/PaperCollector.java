package org.papermap.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.papermap.internal.StepProgress;

/**
 * Gathers the papers of one read call over all its sources: checks ids for duplicates across files,
 * applies strict or lenient error handling, counts per source and reports progress. In lenient mode a
 * source that fails as a whole contributes nothing: the papers it gave before the failure are taken
 * back, so that a skipped file is skipped entirely.
 *
 * <p>Thread-safety: not thread-safe; one instance per read call.
 */
final class PaperCollector {
  /** Progress is reported every this many papers (and at the end of each source). */
  private static final int PROGRESS_EVERY = 4096;

  private final CorpusReader.Options options;
  private final StepProgress progress;
  private final List<Paper> papers = new ArrayList<>();
  private final Map<String, Integer> ordById = new HashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final Map<String, Long> bySource = new LinkedHashMap<>();
  private final List<ReadReport.SkippedFile> skippedFiles = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();
  private long skipped;

  private String source;
  private LongSupplier bytesRead;
  /** Bytes of the sources read before the current one. */
  private long bytesBefore;
  private int sourceStart;
  private boolean sourceFailed;

  PaperCollector(CorpusReader.Options options, StepProgress progress) {
    this.options = options;
    this.progress = progress;
  }

  TextNormalization normalization() {
    return options.normalization();
  }

  boolean lenient() {
    return options.lenient();
  }

  void beginSource(String name, LongSupplier bytes) {
    if (bytesRead != null) {
      bytesBefore += bytesRead.getAsLong();
    }
    source = name;
    bytesRead = bytes;
    sourceStart = papers.size();
    sourceFailed = false;
    bySource.putIfAbsent(name, 0L);
  }

  /** Validates and adds one record. A bad record (missing field, duplicate id) goes to {@link #reject}. */
  void add(PaperFields fields, Origin origin) throws CorpusFormatException {
    Paper p;
    try {
      p = fields.toPaper(origin, options.normalization());
    } catch (CorpusFormatException e) {
      reject(e);
      return;
    }
    Integer first = ordById.putIfAbsent(p.id(), papers.size());
    if (first != null) {
      reject(
          new CorpusFormatException(
              origin, "duplicate id '" + p.id() + "' (first at " + papers.get(first).origin() + ")"));
      return;
    }
    papers.add(p);
    if (papers.size() % PROGRESS_EVERY == 0) {
      progress();
    }
  }

  /** A bad record: thrown in strict mode, counted and reported in lenient mode. */
  void reject(CorpusFormatException e) throws CorpusFormatException {
    if (!options.lenient()) {
      throw e;
    }
    skipped++;
    report(e.getMessage());
  }

  /**
   * Checks that lines {@code from..to} of a record decoded as UTF-8 (lenient mode only; strict mode
   * throws while reading). Invalid lines before {@code from} lie outside any record (e.g. listing
   * header noise); they are reported but skip nothing.
   *
   * @throws CorpusFormatException if the record contains an invalid line
   */
  void checkEncoding(LineReader lines, long from, long to) throws CorpusFormatException {
    CorpusFormatException inRecord = null;
    for (LineReader.BadLine bad : lines.takeBadLines(to)) {
      if (bad.number() < from) {
        report(source + ":" + bad.number() + ": " + bad.message());
      } else if (inRecord == null) {
        inRecord = new CorpusFormatException(source, bad.number(), bad.message());
      }
    }
    if (inRecord != null) {
      throw inRecord;
    }
  }

  /**
   * A problem that stopped reading the current source (lenient mode; strict mode throws it): the
   * source's papers are taken back and the file is reported as skipped.
   */
  void sourceFailed(CorpusFormatException e) {
    sourceFailed = true;
    int discarded = papers.size() - sourceStart;
    for (int ord = papers.size() - 1; ord >= sourceStart; ord--) {
      ordById.remove(papers.remove(ord).id());
    }
    skippedFiles.add(new ReadReport.SkippedFile(e.file(), e.line(), e.rule(), discarded));
  }

  /** A source that could not even be opened (lenient mode): reported as skipped, with no papers. */
  void sourceUnreadable(CorpusFormatException e) {
    bySource.putIfAbsent(e.file(), 0L);
    skippedFiles.add(new ReadReport.SkippedFile(e.file(), e.line(), e.rule(), 0));
  }

  /** An entry of an input folder that is not read (see {@link ReadReport#filesIgnored()}). */
  void ignored(String name) {
    ignored.add(name);
  }

  /** Ends the current source: "no papers found" if it gave none. */
  void endSource(LineReader lines) throws CorpusFormatException {
    if (lines != null) {
      for (LineReader.BadLine bad : lines.takeBadLines(Long.MAX_VALUE)) {
        report(source + ":" + bad.number() + ": " + bad.message());
      }
    }
    long sourcePapers = papers.size() - sourceStart;
    bySource.merge(source, sourcePapers, Long::sum);
    progress();
    if (sourcePapers == 0 && !sourceFailed) {
      CorpusFormatException e = new CorpusFormatException(source, 0, "no papers found");
      if (!options.lenient()) {
        throw e;
      }
      skippedFiles.add(new ReadReport.SkippedFile(source, 0, e.rule(), 0));
    }
  }

  ReadResult finish() {
    Corpus corpus = Corpus.of(papers);
    return new ReadResult(
        corpus, new ReadReport(papers.size(), skipped, errors, bySource, skippedFiles, ignored));
  }

  private void report(String message) {
    if (errors.size() < options.maxReportedErrors()) {
      errors.add(message);
    }
  }

  private void progress() {
    if (bytesRead != null) {
      progress.update(bytesBefore + bytesRead.getAsLong());
    }
  }
}
