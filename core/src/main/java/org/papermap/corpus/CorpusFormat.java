package org.papermap.corpus;

/**
 * The input formats {@link CorpusReader} understands. {@code docs/corpus.md} lists each one's field
 * mapping.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum CorpusFormat {
  /**
   * Chosen per file: by extension (after stripping {@code .gz}), then by content. See {@link
   * CorpusReader} for the rules.
   */
  AUTO,
  /** JSON Lines, one paper object per line (fields {@code id, title, abstract, authors, ...}). */
  JSONL,
  /**
   * CSV (or TSV for {@code .tsv} files) with a header row; columns mapped by {@link CsvColumns}
   * (Zotero's export has a preset, {@link CsvColumns#zotero()}).
   */
  CSV,
  /** The arXiv metadata snapshot (Kaggle/OAI dump): JSON Lines with {@code categories, versions, ...}. */
  ARXIV,
  /**
   * Semantic Scholar papers, one JSON object per line: Graph API paper objects ({@code paperId,
   * title, abstract, authors: [{authorId, name}], ...}) or bulk-dataset records ({@code corpusid, ...}).
   */
  SEMANTIC_SCHOLAR,
  /**
   * OpenAlex works, one JSON object per line (API results or the snapshot); the abstract is rebuilt
   * from {@code abstract_inverted_index}.
   */
  OPENALEX,
  /** BibTeX ({@code .bib}): {@code @article{key, title = {...}, abstract = {...}, ...}}. */
  BIBTEX,
  /** RIS ({@code .ris}): tagged lines from {@code TY  - } to {@code ER  - }. */
  RIS,
  /** A plain-text paper listing: email digest, session page, poster list or daily feed. */
  LISTING
}
