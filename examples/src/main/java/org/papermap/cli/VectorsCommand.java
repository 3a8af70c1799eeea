package org.papermap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.papermap.corpus.Corpus;
import org.papermap.io.AtomicFile;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.MatrixMarket;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code papermap vectors}: TF-IDF (and optionally LSA) vectors of a corpus, in scipy-readable files. */
@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    description = {
      "Vectorize papers with TF-IDF (and LSA with --lsa) and write OUT.mtx (Matrix Market; rows = papers in input order,"
          + " columns = terms), OUT.terms.txt, OUT.ids.txt and, with --lsa, OUT.lsa.csv."
    })
final class VectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliSession cli;

  VectorsCommand(CliSession cli) {
    this.cli = cli;
  }

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE", description = "Paper files.")
  List<Path> inputs;

  @Mixin InputOptions input;

  @Option(names = "--preset", defaultValue = "abstracts", description = "sklearn | abstracts (default: ${DEFAULT-VALUE}).")
  Preset preset;

  @Option(names = "--ngrams", paramLabel = "MIN,MAX", description = "Word n-gram range, e.g. 1,2.")
  String ngrams;

  @Option(names = "--min-df", paramLabel = "X", description = "Minimum document frequency: a count (2) or a fraction (0.01).")
  String minDf;

  @Option(names = "--max-df", paramLabel = "X", description = "Maximum document frequency: a count or a fraction (0.5).")
  String maxDf;

  @Option(names = "--max-features", paramLabel = "N", description = "Keep the N most frequent terms.")
  Integer maxFeatures;

  @Option(names = "--sublinear", description = "Use 1 + ln(tf) instead of the raw count.")
  boolean sublinear;

  @Option(names = "--stop-words", paramLabel = "LIST", description = "none | english (Lucene's 33) | sklearn (scikit-learn's 318).")
  StopWordsOption stopWords;

  @Option(names = "--stemmer", paramLabel = "S", description = "none | porter | kstem | snowball.")
  StemmerOption stemmer;

  @Option(names = "--lsa", paramLabel = "D", description = "Also compute D-dimensional LSA embeddings (randomized SVD).")
  Integer lsa;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for the randomized SVD (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "1", description = "Threads (results are identical for any count; default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output prefix.")
  Path output;

  enum Preset { sklearn, abstracts }

  enum StopWordsOption {
    none(PaperAnalyzer.StopWords.NONE),
    english(PaperAnalyzer.StopWords.LUCENE_ENGLISH),
    sklearn(PaperAnalyzer.StopWords.SKLEARN_ENGLISH);

    final PaperAnalyzer.StopWords words;

    StopWordsOption(PaperAnalyzer.StopWords words) {
      this.words = words;
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
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    TfIdfOptions options = options();
    String prefix = output.toString();
    // Every output is checked (a regular file in an existing folder) before the input is read; each is
    // written all or nothing.
    try (AtomicFile mtx = CliOutput.file("-o", prefix + ".mtx", spec.commandLine());
        AtomicFile terms = CliOutput.file("-o", prefix + ".terms.txt", spec.commandLine());
        AtomicFile ids = CliOutput.file("-o", prefix + ".ids.txt", spec.commandLine());
        AtomicFile lsaCsv = lsa == null ? null : CliOutput.file("-o", prefix + ".lsa.csv", spec.commandLine())) {
      // Text as read: the sklearn preset must see the characters as stored (scikit-learn does no Unicode
      // normalization); the abstracts preset applies NFKC in its analyzer.
      cli.step("reading papers");
      Corpus corpus = input.read(inputs, Progress.on(err)).corpus();
      cli.step("computing TF-IDF");
      TfIdfResult tfidf = new TfIdfVectorizer(options).fitTransform(corpus);
      if (lsa != null) {
        // Checked before anything is written, so a bad --lsa leaves no partial output.
        int max = Math.min(corpus.size(), tfidf.model().vocabulary().size());
        if (lsa < 1 || lsa > max) {
          throw new ParameterException(
              spec.commandLine(), "--lsa must be in [1, min(papers, terms)=" + max + "], got " + lsa);
        }
      }
      cli.step("writing the vectors");
      try (Writer w = writer(mtx)) {
        MatrixMarket.write(tfidf.matrix(), w);
      }
      writeLines(terms, tfidf.model().vocabulary().size(), i -> tfidf.model().term(i));
      writeLines(ids, corpus.size(), corpus::id);
      mtx.commit();
      terms.commit();
      ids.commit();
      err.printf(
          Locale.ROOT,
          "papermap: %d papers x %d terms (%d non-zeros) -> %s.mtx, %s.terms.txt, %s.ids.txt%n",
          corpus.size(), tfidf.model().vocabulary().size(), tfidf.matrix().nnz(), prefix, prefix, prefix);
      if (lsa != null) {
        cli.step("computing LSA");
        LsaModel model =
            LsaModel.fit(tfidf.matrix(), Lsa.Options.builder().dimensions(lsa).seed(seed).parallelism(threads).build());
        writeCsv(lsaCsv, model.embeddings());
        lsaCsv.commit();
        err.printf(Locale.ROOT, "papermap: LSA %d dimensions -> %s.lsa.csv%n", lsa, prefix);
      }
    }
    return 0;
  }

  private static Writer writer(AtomicFile f) {
    return new BufferedWriter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8), 1 << 16);
  }

  private TfIdfOptions options() {
    TfIdfOptions base =
        preset == Preset.sklearn ? TfIdfOptions.sklearnCompatible() : TfIdfOptions.builder().build();
    PaperAnalyzer.Options.Builder analyzer = base.analyzer().toBuilder();
    TfIdfOptions.Builder b = base.toBuilder().parallelism(threads);
    if (ngrams != null) {
      String[] p = ngrams.split(",");
      try {
        if (p.length != 2) {
          throw new NumberFormatException();
        }
        analyzer.ngrams(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "--ngrams must be MIN,MAX (e.g. 1,2), got '" + ngrams + "'");
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
        if (isFraction(minDf, "--min-df")) {
          b.minDfFraction(Double.parseDouble(minDf));
        } else {
          b.minDf(Integer.parseInt(minDf));
        }
      }
      if (maxDf != null) {
        if (isFraction(maxDf, "--max-df")) {
          b.maxDfFraction(Double.parseDouble(maxDf));
        } else {
          b.maxDf(Integer.parseInt(maxDf));
        }
      }
      if (maxFeatures != null) {
        b.maxFeatures(maxFeatures);
      }
      if (sublinear) {
        b.tf(TfIdfOptions.Tf.SUBLINEAR);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** As scikit-learn: a number with a point or exponent is a fraction, an integer is a document count. */
  private boolean isFraction(String v, String option) {
    if (!v.matches("[0-9]+|[0-9]*\\.[0-9]+([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+")) {
      throw new ParameterException(
          spec.commandLine(), option + " must be a count (2) or a fraction (0.5), got '" + v + "'");
    }
    return !v.matches("[0-9]+");
  }

  private static void writeLines(AtomicFile file, int n, java.util.function.IntFunction<String> line) throws IOException {
    try (Writer w = writer(file)) {
      for (int i = 0; i < n; i++) {
        w.write(line.apply(i));
        w.write('\n');
      }
    }
  }

  private static void writeCsv(AtomicFile file, DenseVectors v) throws IOException {
    try (Writer w = writer(file)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        sb.setLength(0);
        float[] row = v.vector(i);
        for (int j = 0; j < row.length; j++) {
          if (j > 0) {
            sb.append(',');
          }
          sb.append(row[j]);
        }
        w.append(sb).append('\n');
      }
    }
  }
}
