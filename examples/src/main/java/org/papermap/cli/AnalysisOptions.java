package org.papermap.cli;

import java.util.Locale;
import org.papermap.PaperMapOptions;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.Vocabulary;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The TF-IDF analysis and weighting flags, the same on every command that vectorizes ({@code vectors},
 * {@code build}, {@code related}, {@code search}). Each flag left out keeps the preset's value; the
 * default preset is the library's own defaults ({@link PaperMapOptions#DEFAULT_TFIDF}), read from the
 * library and never repeated here, so the CLI, {@code PaperMap} and {@code TfIdfOptions.builder()}
 * agree.
 */
final class AnalysisOptions {
  @Option(
      names = "--preset",
      paramLabel = "P",
      converter = PresetConverter.class,
      description = "Starting point: papermap (the library's defaults, as PaperMap uses) or sklearn"
          + " (scikit-learn's TfidfVectorizer() defaults). Default: papermap.")
  Preset preset;

  @Option(
      names = "--ngrams",
      paramLabel = "MIN,MAX",
      description = "Word n-gram range, e.g. 1,2 (default: ${sys:papermap.default.ngrams}; sklearn: 1,1).")
  String ngrams;

  @Option(
      names = "--min-df",
      paramLabel = "X",
      description = "Keep terms in at least X papers: a count (2) or a fraction (0.01)"
          + " (default: ${sys:papermap.default.min-df}; sklearn: 1).")
  String minDf;

  @Option(
      names = "--max-df",
      paramLabel = "X",
      description = "Keep terms in at most X papers: a count or a fraction (default: ${sys:papermap.default.max-df};"
          + " sklearn: 1.0). Bounds that keep no term of a small corpus are relaxed with a note.")
  String maxDf;

  @Option(
      names = "--max-features",
      paramLabel = "N",
      description = "Keep the N most frequent terms (default: ${sys:papermap.default.max-features}).")
  Integer maxFeatures;

  @Option(
      names = "--sublinear",
      negatable = true,
      description = "1 + ln(tf) instead of the raw count (default: ${sys:papermap.default.sublinear}; sklearn: off).")
  Boolean sublinear;

  @Option(
      names = "--stop-words",
      paramLabel = "LIST",
      description = "none | english (Lucene's 33) | sklearn (scikit-learn's 318)"
          + " (default: ${sys:papermap.default.stop-words}; sklearn preset: none).")
  StopWordsOption stopWords;

  @Option(
      names = "--stemmer",
      paramLabel = "S",
      description = "none | porter | kstem | snowball (default: ${sys:papermap.default.stemmer}; sklearn: none).")
  StemmerOption stemmer;

  @Option(
      names = "--idf",
      paramLabel = "F",
      description = "smooth (scikit-learn's) | plain | bm25 | none (default: ${sys:papermap.default.idf}; sklearn: smooth).")
  IdfOption idf;

  @Option(
      names = "--title-weight",
      paramLabel = "W",
      description = "Weight of title terms against abstract terms, in [0, " + TfIdfOptions.MAX_TITLE_WEIGHT + "]"
          + " (default: ${sys:papermap.default.title-weight}; sklearn: 1).")
  Float titleWeight;

  /** {@code --idf} values. */
  enum IdfOption {
    smooth(TfIdfOptions.Idf.SMOOTH),
    plain(TfIdfOptions.Idf.PLAIN),
    bm25(TfIdfOptions.Idf.BM25),
    none(TfIdfOptions.Idf.NONE);

    final TfIdfOptions.Idf idf;

    IdfOption(TfIdfOptions.Idf idf) {
      this.idf = idf;
    }
  }

  /** The presets of {@code --preset}. */
  enum Preset {
    papermap,
    sklearn
  }

  /** {@code --preset} values; {@code abstracts}, the old name of the library's defaults, still works. */
  static final class PresetConverter implements CommandLine.ITypeConverter<Preset> {
    @Override
    public Preset convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "papermap", "abstracts", "default" -> Preset.papermap;
        case "sklearn" -> Preset.sklearn;
        default -> throw new CommandLine.TypeConversionException(
            "--preset must be papermap or sklearn, got '" + value + "'");
      };
    }
  }

  enum StopWordsOption {
    none(PaperAnalyzer.StopWords.NONE),
    english(PaperAnalyzer.StopWords.LUCENE_ENGLISH),
    sklearn(PaperAnalyzer.StopWords.SKLEARN_ENGLISH);

    final PaperAnalyzer.StopWords words;

    StopWordsOption(PaperAnalyzer.StopWords words) {
      this.words = words;
    }

    static String nameOf(PaperAnalyzer.StopWords words) {
      for (StopWordsOption o : values()) {
        if (o.words == words) {
          return o.name();
        }
      }
      return words.name();
    }
  }

  enum StemmerOption {
    none(PaperAnalyzer.Stemmer.NONE),
    porter(PaperAnalyzer.Stemmer.PORTER),
    kstem(PaperAnalyzer.Stemmer.KSTEM),
    snowball(PaperAnalyzer.Stemmer.SNOWBALL_ENGLISH);

    final PaperAnalyzer.Stemmer stemmer;

    StemmerOption(PaperAnalyzer.Stemmer stemmer) {
      this.stemmer = stemmer;
    }

    static String nameOf(PaperAnalyzer.Stemmer stemmer) {
      for (StemmerOption o : values()) {
        if (o.stemmer == stemmer) {
          return o.name();
        }
      }
      return stemmer.name();
    }
  }

  /** Whether any flag was given (they apply only when vectorizing). */
  boolean anyGiven() {
    return preset != null || ngrams != null || minDf != null || maxDf != null || maxFeatures != null
        || sublinear != null || stopWords != null || stemmer != null || idf != null || titleWeight != null;
  }

  /** The TF-IDF options: the preset, then each flag given; {@code threads} for the vectorizer. */
  TfIdfOptions tfidf(CommandLine cmd, int threads) {
    TfIdfOptions base =
        preset == Preset.sklearn ? TfIdfOptions.sklearnCompatible() : PaperMapOptions.DEFAULT_TFIDF;
    PaperAnalyzer.Options.Builder analyzer = base.analyzer().toBuilder();
    TfIdfOptions.Builder b = base.toBuilder().parallelism(threads);
    if (ngrams != null) {
      String[] p = ngrams.split(",", -1);
      try {
        if (p.length != 2) {
          throw new NumberFormatException();
        }
        analyzer.ngrams(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
      } catch (NumberFormatException e) {
        throw new ParameterException(cmd, "--ngrams must be MIN,MAX (e.g. 1,2), got '" + ngrams + "'");
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cmd, "--ngrams " + ngrams + ": " + e.getMessage());
      }
    }
    if (stopWords != null) {
      analyzer.stopWords(stopWords.words);
    }
    if (stemmer != null) {
      analyzer.stemmer(stemmer.stemmer);
    }
    try {
      b.analyzer(analyzer.build());
      if (minDf != null) {
        if (isFraction(cmd, minDf, "--min-df")) {
          b.minDfFraction(Double.parseDouble(minDf));
        } else {
          b.minDf(Integer.parseInt(minDf));
        }
      }
      if (maxDf != null) {
        if (isFraction(cmd, maxDf, "--max-df")) {
          b.maxDfFraction(Double.parseDouble(maxDf));
        } else {
          b.maxDf(Integer.parseInt(maxDf));
        }
      }
      if (maxFeatures != null) {
        b.maxFeatures(maxFeatures);
      }
      if (sublinear != null) {
        b.tf(sublinear ? TfIdfOptions.Tf.SUBLINEAR : TfIdfOptions.Tf.RAW);
      }
      if (idf != null) {
        b.idf(idf.idf);
      }
      if (titleWeight != null) {
        b.titleWeight(titleWeight);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new ParameterException(cmd, m.startsWith("ngram") ? "--ngrams " + ngrams + ": " + m : cliNames(m));
    }
  }

  /** The library names its parameters as in Java (minDf); the user typed --min-df. */
  private static String cliNames(String message) {
    return message
        .replaceFirst("^minDf", "--min-df")
        .replaceFirst("^maxDf", "--max-df")
        .replaceFirst("^maxFeatures", "--max-features")
        .replaceFirst("^titleWeight", "--title-weight")
        .replace("maxDf (", "--max-df (")
        .replace("minDf (", "--min-df (");
  }

  /** As scikit-learn: a number with a point or exponent is a fraction, an integer is a document count. */
  private static boolean isFraction(CommandLine cmd, String v, String option) {
    if (!v.matches("[0-9]+|[0-9]*\\.[0-9]+([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+")) {
      throw new ParameterException(cmd, option + " must be a count (2) or a fraction (0.5), got '" + v + "'");
    }
    return !v.matches("[0-9]+");
  }

  /** Sets the {@code papermap.default.*} system properties that the help texts show. */
  static void describeDefaults() {
    TfIdfOptions t = PaperMapOptions.DEFAULT_TFIDF;
    PaperAnalyzer.Options a = t.analyzer();
    System.setProperty("papermap.default.ngrams", a.ngramMin() + "," + a.ngramMax());
    System.setProperty("papermap.default.min-df", bound(t.minDf()));
    System.setProperty("papermap.default.max-df", bound(t.maxDf()));
    System.setProperty(
        "papermap.default.max-features", t.maxFeatures() == Integer.MAX_VALUE ? "no limit" : Integer.toString(t.maxFeatures()));
    System.setProperty("papermap.default.sublinear", t.tf() == TfIdfOptions.Tf.SUBLINEAR ? "on" : "off");
    System.setProperty("papermap.default.stop-words", StopWordsOption.nameOf(a.stopWords()));
    System.setProperty("papermap.default.stemmer", StemmerOption.nameOf(a.stemmer()));
    System.setProperty("papermap.default.idf", t.idf().name().toLowerCase(Locale.ROOT));
    System.setProperty("papermap.default.title-weight", Float.toString(t.titleWeight()));
  }

  private static String bound(Vocabulary.Bound b) {
    return b.fraction() ? Double.toString(b.value()) : Long.toString((long) b.value());
  }
}
