package org.papermap.index;

/**
 * How much one term adds to a sparse score: {@code query[term] * doc[term]}.
 *
 * <p>Thread-safety: immutable and safe.
 */
public record TermContribution(int term, float contribution) {}
