package org.papermap.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one read call did: papers read, and in lenient mode everything it skipped. In strict mode
 * {@code recordsSkipped} is 0 and {@code firstErrors} and {@code filesSkipped} are empty, since the
 * first problem throws.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param papersRead papers read over all sources
 * @param recordsSkipped bad records skipped in lenient mode (each one is counted, even past the
 *     reported limit)
 * @param firstErrors the first {@code Options.maxReportedErrors()} record errors, each naming file,
 *     line and rule
 * @param papersBySource papers read per source name, in the order the sources were read (0 for a
 *     skipped file)
 * @param filesSkipped every file that contributed no papers in lenient mode (unreadable, not a
 *     regular file, corrupt gzip, CSV without the required columns, not a recognized format, no
 *     papers found), in reading order; never truncated
 * @param filesIgnored entries of folders given as input that were not read (hidden files, subfolders,
 *     unsupported extensions, non-regular files), in name order
 */
public record ReadReport(
    long papersRead,
    long recordsSkipped,
    List<String> firstErrors,
    Map<String, Long> papersBySource,
    List<SkippedFile> filesSkipped,
    List<String> filesIgnored) {
  public ReadReport {
    if (papersRead < 0) {
      throw new IllegalArgumentException("papersRead must be >= 0, got " + papersRead);
    }
    if (recordsSkipped < 0) {
      throw new IllegalArgumentException("recordsSkipped must be >= 0, got " + recordsSkipped);
    }
    firstErrors = List.copyOf(Objects.requireNonNull(firstErrors, "firstErrors"));
    // Map.copyOf would lose the insertion order that the contract promises.
    papersBySource =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(papersBySource, "papersBySource")));
    filesSkipped = List.copyOf(Objects.requireNonNull(filesSkipped, "filesSkipped"));
    filesIgnored = List.copyOf(Objects.requireNonNull(filesIgnored, "filesIgnored"));
  }

  /** Whether anything was skipped: a record or a file. */
  public boolean skippedAny() {
    return recordsSkipped > 0 || !filesSkipped.isEmpty();
  }

  /**
   * A file that contributed no papers (lenient mode), with the problem that stopped it.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param file the source name, as given
   * @param line the 1-based line where reading stopped, or 0 for a whole-file problem
   * @param rule what is wrong, e.g. "corrupt gzip data: CRC32 mismatch in member 1 (...)"
   * @param papersDiscarded papers read from the file before the problem, discarded with it (a file is
   *     read whole or not at all)
   */
  public record SkippedFile(String file, long line, String rule, long papersDiscarded) {
    public SkippedFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(rule, "rule");
      if (line < 0) {
        throw new IllegalArgumentException("line must be >= 0, got " + line);
      }
      if (papersDiscarded < 0) {
        throw new IllegalArgumentException("papersDiscarded must be >= 0, got " + papersDiscarded);
      }
    }

    /** {@code file:line: rule}, as {@link CorpusFormatException} words it. */
    public String message() {
      return (line > 0 ? file + ":" + line : file) + ": " + rule;
    }
  }
}
