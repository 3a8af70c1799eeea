/**
 * Text analysis for abstracts with Apache Lucene: {@link org.papermap.text.PaperAnalyzer} and its
 * {@link org.papermap.text.PaperAnalyzer.Options} presets ({@code sklearnCompatible()}, which
 * tokenizes exactly like scikit-learn, and {@code abstracts()}, our tuned default).
 */
package org.papermap.text;
