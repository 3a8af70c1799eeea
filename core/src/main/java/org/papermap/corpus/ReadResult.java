package org.papermap.corpus;

import java.util.Objects;

/**
 * What {@link CorpusReader#read(java.util.List, CorpusReader.Options)} returns: the papers and a
 * report of what was read and skipped.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param corpus the papers read, in input order
 * @param report counts per source and the first errors (lenient mode)
 */
public record ReadResult(Corpus corpus, ReadReport report) {
  public ReadResult {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(report, "report");
  }
}
