package org.papermap.cli;

import java.util.Locale;
import org.papermap.corpus.CorpusFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --input-format}, as written on the command line. */
enum FormatOption {
  // Lower case, as on the command line (other commands compare with FormatOption.auto).
  auto("auto", CorpusFormat.AUTO),
  jsonl("jsonl", CorpusFormat.JSONL),
  csv("csv", CorpusFormat.CSV),
  arxiv("arxiv", CorpusFormat.ARXIV),
  semanticScholar("semantic-scholar", CorpusFormat.SEMANTIC_SCHOLAR),
  openalex("openalex", CorpusFormat.OPENALEX),
  bibtex("bibtex", CorpusFormat.BIBTEX),
  ris("ris", CorpusFormat.RIS),
  listing("listing", CorpusFormat.LISTING);

  /** The names, for help texts. */
  static final String NAMES = "auto, jsonl, csv, arxiv, semantic-scholar, openalex, bibtex, ris, listing";

  final String name;
  final CorpusFormat format;

  FormatOption(String name, CorpusFormat format) {
    this.name = name;
    this.format = format;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Parses {@code --input-format} values, case-insensitively. */
  static final class Converter implements ITypeConverter<FormatOption> {
    @Override
    public FormatOption convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (FormatOption f : values()) {
        if (f.name.equals(v)) {
          return f;
        }
      }
      throw new TypeConversionException("--input-format must be one of: " + NAMES + "; got '" + value + "'");
    }
  }
}
