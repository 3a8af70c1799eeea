package org.papermap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.papermap.corpus.Corpus;
import org.papermap.io.AtomicFile;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.MatrixMarket;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap vectors}: TF-IDF (and optionally LSA) vectors of a corpus, in scipy-readable files. */
@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap vectors -i FILE... -o OUT [--lsa-dims D] [ANALYSIS]",
      "                        [--threads N] [--seed N] [READING] [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      "ANALYSIS: --preset P, --ngrams MIN,MAX, --min-df X, --max-df X,",
      "          --max-features N, --[no-]sublinear, --stop-words LIST, --stemmer S,",
      "          --idf F, --title-weight W",
      ""
    },
    sortOptions = false,
    description = {
      "Vectorize papers with TF-IDF (and LSA with --lsa-dims) and write OUT.mtx (Matrix Market; rows = papers in"
          + " input order, columns = terms), OUT.terms.txt, OUT.ids.txt and, with --lsa-dims, OUT.lsa.csv."
          + " The defaults are the library's, as 'build' uses them."
    })
final class VectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  VectorsCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin Inputs inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output prefix.")
  Path output;

  @Option(
      names = "--lsa-dims",
      paramLabel = "D",
      description = "Also compute D-dimensional LSA embeddings (randomized SVD); none unless given.")
  Integer lsaDims;

  @Mixin InputOptions read;

  @Mixin AnalysisOptions analysis;

  @Mixin ComputeOptions compute;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    int threads = compute.threads(spec.commandLine());
    TfIdfOptions options = analysis.tfidf(spec.commandLine(), threads);
    if (lsaDims != null && lsaDims < 1) {
      throw new ParameterException(spec.commandLine(), "--lsa-dims must be >= 1, got " + lsaDims);
    }
    ProgressRenderer progress = quiet.renderer(err, cli);
    String prefix = output.toString();
    // Every output is checked (a regular file in an existing folder) before the input is read; each is
    // written all or nothing.
    try (AtomicFile mtx = CliOutput.file("-o", prefix + ".mtx", spec.commandLine());
        AtomicFile terms = CliOutput.file("-o", prefix + ".terms.txt", spec.commandLine());
        AtomicFile ids = CliOutput.file("-o", prefix + ".ids.txt", spec.commandLine());
        AtomicFile lsaCsv = lsaDims == null ? null : CliOutput.file("-o", prefix + ".lsa.csv", spec.commandLine())) {
      // Text as read: the sklearn preset must see the characters as stored (scikit-learn does no Unicode
      // normalization); the library's defaults apply NFKC in their analyzer.
      cli.step("reading papers");
      Corpus corpus = read.read(inputs.files, progress).corpus();
      cli.step("computing TF-IDF");
      TfIdfResult tfidf = new TfIdfVectorizer(options).fitTransform(corpus, progress);
      if (lsaDims != null) {
        // Checked before anything is written, so a bad --lsa-dims leaves no partial output.
        int max = Math.min(corpus.size(), tfidf.model().vocabulary().size());
        if (lsaDims > max) {
          throw new ParameterException(
              spec.commandLine(), "--lsa-dims must be in [1, min(papers, terms)=" + max + "], got " + lsaDims);
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
      if (lsaDims != null) {
        cli.step("computing LSA");
        LsaModel model =
            LsaModel.fit(
                tfidf.matrix(),
                Lsa.Options.builder().dimensions(lsaDims).seed(compute.seed()).parallelism(threads).build(),
                progress);
        writeCsv(lsaCsv, model.embeddings());
        lsaCsv.commit();
        err.printf(Locale.ROOT, "papermap: LSA %d dimensions -> %s.lsa.csv%n", lsaDims, prefix);
      }
    }
    return 0;
  }

  private static Writer writer(AtomicFile f) {
    return new BufferedWriter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8), 1 << 16);
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
