package org.papermap.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts from one read call. In strict mode {@code recordsSkipped} is always 0 and {@code
 * firstErrors} empty, since the first error throws.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param papersRead papers read over all sources
 * @param recordsSkipped bad records skipped in lenient mode (each one is counted, even past the
 *     reported limit)
 * @param firstErrors the first {@code Options.maxReportedErrors()} error messages, each naming file,
 *     line and rule; also file-level problems such as "file: no papers found"
 * @param papersBySource papers read per source name, in the order the sources were read
 */
public record ReadReport(
    long papersRead, long recordsSkipped, List<String> firstErrors, Map<String, Long> papersBySource) {
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
  }
}
