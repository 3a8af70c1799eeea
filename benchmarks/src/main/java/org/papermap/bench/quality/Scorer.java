package org.papermap.bench.quality;

/**
 * Scores every paper of a set for one query: {@code out[d]} = similarity of query {@code q} to paper
 * {@code d} (higher is better). The query is paper {@code q} itself (related papers) or its title (title
 * queries), as the scorer was built for.
 *
 * <p>Thread-safety: implementations are safe for concurrent calls (scratch space is allocated per call).
 */
@FunctionalInterface
public interface Scorer {
  void score(int q, float[] out);
}
