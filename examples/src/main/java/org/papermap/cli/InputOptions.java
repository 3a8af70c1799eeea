package org.papermap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.CsvColumns;
import org.papermap.corpus.ReadReport;
import org.papermap.corpus.ReadResult;
import org.papermap.corpus.TextNormalization;
import picocli.CommandLine.Option;

/**
 * How papers are read ({@code --input-format}, {@code --lenient}, {@code --columns}), shared by every
 * command that reads papers, and the report of a read on stderr: in lenient mode every skipped file and
 * the first skipped records, each named, then the counts.
 */
final class InputOptions {
  @Option(
      names = "--input-format",
      defaultValue = "auto",
      converter = FormatOption.Converter.class,
      paramLabel = "FORMAT",
      description =
          "Input format: " + FormatOption.NAMES + " (default: ${DEFAULT-VALUE}; auto detects by extension and content).")
  FormatOption format;

  @Option(
      names = "--lenient",
      description = "Skip bad records and unreadable files instead of stopping; each is named on stderr.")
  boolean lenient;

  @Option(
      names = "--columns",
      paramLabel = "MAP",
      description =
          "CSV columns: a preset (zotero) or a mapping such as title=Title,abstract=Summary (fields: id, title,"
              + " abstract, authors, year, date, url, venue, labels).")
  String columns;

  /** Reads the files and folders with text as read; see {@link #read(List, ProgressRenderer, TextNormalization)}. */
  ReadResult read(List<Path> files, ProgressRenderer progress) throws IOException {
    return read(files, progress, TextNormalization.NONE);
  }

  /** Whether a flag of this group was given (they apply to --input only). */
  boolean anyGiven() {
    return format != FormatOption.auto || lenient || columns != null;
  }

  /**
   * Reads the files and folders, reporting progress on stderr, then what was skipped.
   *
   * @throws IOException if nothing could be read (lenient mode skipped every input)
   */
  ReadResult read(List<Path> files, ProgressRenderer progress, TextNormalization normalization)
      throws IOException {
    CorpusReader.Options.Builder options =
        CorpusReader.Options.builder().format(format.format).lenient(lenient).normalization(normalization);
    if (columns != null) {
      options.csvColumns(CsvColumns.isPreset(columns) ? CsvColumns.preset(columns) : CsvColumns.parse(columns));
    }
    ReadResult result = CorpusReader.read(files, options.build(), progress);
    report(result.report(), progress.err());
    if (result.corpus().isEmpty()) {
      throw new IOException(
          "no papers read: all " + result.report().papersBySource().size() + " input file(s) were skipped (see above)");
    }
    return result;
  }

  /** Every skipped file, the first skipped records, ignored folder entries, and the counts. */
  static void report(ReadReport report, PrintWriter err) {
    for (ReadReport.SkippedFile f : report.filesSkipped()) {
      err.println("papermap: skipped file " + f.message() + discarded(f));
    }
    for (String e : report.firstErrors()) {
      err.println("papermap: skipped record " + e);
    }
    long more = report.recordsSkipped() - report.firstErrors().size();
    if (more > 0) {
      err.printf(Locale.ROOT, "papermap: ... and %d more bad record%s%n", more, more == 1 ? "" : "s");
    }
    if (!report.filesIgnored().isEmpty()) {
      err.printf(
          Locale.ROOT,
          "papermap: not read from the input folders (hidden, subfolders or other extensions): %s%n",
          String.join(", ", report.filesIgnored()));
    }
    if (report.skippedAny()) {
      int files = report.papersBySource().size();
      err.printf(
          Locale.ROOT,
          "papermap: read %d paper%s from %d file%s; skipped %d bad record%s and %d file%s%n",
          report.papersRead(),
          report.papersRead() == 1 ? "" : "s",
          files - report.filesSkipped().size(),
          files - report.filesSkipped().size() == 1 ? "" : "s",
          report.recordsSkipped(),
          report.recordsSkipped() == 1 ? "" : "s",
          report.filesSkipped().size(),
          report.filesSkipped().size() == 1 ? "" : "s");
    }
    err.flush();
  }

  private static String discarded(ReadReport.SkippedFile f) {
    return f.papersDiscarded() == 0
        ? ""
        : " (" + f.papersDiscarded() + " paper" + (f.papersDiscarded() == 1 ? "" : "s") + " read before it discarded)";
  }
}
