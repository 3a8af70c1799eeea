package org.papermap;

/**
 * How {@link PaperMap} compares papers.
 *
 * <p>Thread-safety: immutable and safe.
 */
public enum Representation {
  /** TF-IDF cosine, exact, through the sparse index. */
  TFIDF,
  /** LSA embeddings, through a flat (exact) or HNSW index. */
  LSA,
  /** {@code α·cos_tfidf + (1−α)·cos_lsa} over the union of both sides' best candidates. */
  HYBRID
}
