package org.papermap.corpus;

/**
 * The input formats {@link CorpusReader} understands.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum CorpusFormat {
  /**
   * Chosen per file: by extension (after stripping {@code .gz}), then by sniffing the content. See
   * {@link CorpusReader} for the rules.
   */
  AUTO,
  /** JSON Lines, one paper object per line (fields {@code id, title, abstract, authors, ...}). */
  JSONL,
  /** CSV (or TSV for {@code .tsv} files) with a header row; columns mapped by {@link CsvColumns}. */
  CSV,
  /** The arXiv metadata snapshot (Kaggle/OAI dump): JSON Lines with {@code categories, versions, ...}. */
  ARXIV,
  /** A plain-text paper listing: email digest, session page, poster list or daily feed. */
  LISTING
}
