package org.papermap.cli;

import org.papermap.corpus.CorpusFormat;

/** The values of {@code --format}, lower-case on the command line. */
enum FormatOption {
  auto(CorpusFormat.AUTO),
  jsonl(CorpusFormat.JSONL),
  csv(CorpusFormat.CSV),
  arxiv(CorpusFormat.ARXIV),
  listing(CorpusFormat.LISTING);

  final CorpusFormat format;

  FormatOption(CorpusFormat format) {
    this.format = format;
  }
}
