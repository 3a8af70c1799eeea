package org.papermap.index;

/**
 * Which algorithm a sparse search runs; {@link #AUTO} picks by the query, the others are for tests.
 *
 * <p>Thread-safety: immutable and safe.
 */
enum SparseSearchPath {
  AUTO,
  /** MaxScore over candidate lists (any signs): {@link MaxScoreSearch}. */
  CANDIDATES,
  /** Block-max term-at-a-time over the whole accumulator (falls back when not applicable): {@link BlockMaxSearch}. */
  DENSE
}
