package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.CsvColumns;
import org.papermap.corpus.ReadResult;
import org.papermap.corpus.TextNormalization;
import picocli.CommandLine.Option;

/** Options shared by every command that reads papers. */
final class InputOptions {
  @Option(
      names = "--format",
      defaultValue = "auto",
      description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto detects by extension and content).")
  FormatOption format;

  @Option(
      names = "--lenient",
      description = "Skip bad records instead of stopping at the first one; a report goes to stderr.")
  boolean lenient;

  @Option(
      names = "--columns",
      paramLabel = "MAP",
      description = "CSV column mapping, e.g. title=Title,abstract=Summary (fields: id, title, abstract, authors, year, date, url, venue, labels).")
  String columns;

  /** Reads the files with NFKC normalization; see {@link #read(List, Progress, TextNormalization)}. */
  ReadResult read(List<Path> files, Progress progress) throws IOException {
    return read(files, progress, TextNormalization.NFKC);
  }

  /** Reads the files, reporting progress on stderr; in lenient mode prints the report to stderr. */
  ReadResult read(List<Path> files, Progress progress, TextNormalization normalization) throws IOException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IOException(f + ": no such file");
      }
    }
    CorpusReader.Options.Builder options =
        CorpusReader.Options.builder()
            .format(format.format)
            .lenient(lenient)
            .normalization(normalization)
            .progress(progress);
    if (columns != null) {
      options.csvColumns(CsvColumns.parse(columns));
    }
    ReadResult result = CorpusReader.read(files, options.build());
    progress.done();
    if (lenient && result.report().recordsSkipped() > 0) {
      progress.err().printf(
          "papermap: skipped %d bad record(s); first errors:%n", result.report().recordsSkipped());
      for (String e : result.report().firstErrors()) {
        progress.err().println("  " + e);
      }
      progress.err().flush();
    }
    return result;
  }
}
