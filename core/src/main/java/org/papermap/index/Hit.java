package org.papermap.index;

/**
 * One search hit: an indexed ord and its score (higher is better; cosine or dot product).
 *
 * <p>Thread-safety: immutable and safe.
 */
public record Hit(int ord, float score) {}
