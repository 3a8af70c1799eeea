/**
 * The facade: {@link org.papermap.PaperMap} builds a map of a corpus (TF-IDF, LSA and their indexes),
 * answers "which papers are related to this one" and "which papers match this text", and saves and
 * opens maps; {@link org.papermap.PaperMapOptions} holds its options and defaults. The stages it ties
 * together can be used one by one: {@code corpus} (reading papers), {@code text} (Lucene analysis),
 * {@code vector} (TF-IDF, LSA), {@code index} (exact and approximate search), {@code cluster} and
 * {@code topic}; {@code io} is the one file format and {@code progress} the one progress listener.
 * {@code org.papermap.internal} is not API.
 *
 * <p>PaperMap needs Java 21 or later; run with {@code --add-modules jdk.incubator.vector} so that
 * Lucene's vector code uses SIMD (without it, the same results, computed more slowly, and a warning
 * from Lucene).
 */
package org.papermap;
