package org.papermap.index;

import java.util.concurrent.Executor;
import org.papermap.internal.VectorChecks;

/**
 * Options shared by the exact indexes ({@link FlatIndex}, {@link SparseIndex}): how many threads the
 * all-pairs {@code neighbours(k)} uses, and optionally on which executor. Output never depends on
 * either.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param parallelism worker count for {@code neighbours}, {@code >= 1}
 * @param executor where workers run; {@code null} for a private pool created and shut down per call
 */
public record IndexOptions(int parallelism, Executor executor) {
  public static final int DEFAULT_PARALLELISM = 1;

  /** Single-threaded, no executor. */
  public static final IndexOptions DEFAULT = new IndexOptions(DEFAULT_PARALLELISM, null);

  public IndexOptions {
    VectorChecks.checkParallelism(parallelism);
  }

  /** These options with another parallelism. */
  public IndexOptions withParallelism(int p) {
    return new IndexOptions(p, executor);
  }
}
