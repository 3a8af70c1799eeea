/**
 * Reading papers: {@link org.papermap.corpus.CorpusReader} turns JSON Lines, CSV (Zotero, Mendeley),
 * arXiv metadata dumps, Semantic Scholar, OpenAlex, BibTeX, RIS and plain-text paper listings (files,
 * folders, gzip) into a {@link org.papermap.corpus.Corpus} of immutable {@link
 * org.papermap.corpus.Paper} records, with stable ids and the text as read; {@link
 * org.papermap.corpus.CorpusWriter} writes papers as JSON Lines. Bad input is an error naming the file,
 * the line and the rule ({@link org.papermap.corpus.CorpusFormatException}), or, in lenient mode, a
 * record skipped and reported in the {@link org.papermap.corpus.ReadReport}. See docs/corpus.md.
 */
package org.papermap.corpus;
