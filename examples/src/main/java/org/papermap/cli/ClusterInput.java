package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code papermap cluster} clusters: papers to vectorize ({@code -i/--input}), a saved map ({@code
 * --map}) or vectors the user brings ({@code --vectors}), exactly one of them; and the vectors it
 * clusters: the map's LSA embeddings, or its TF-IDF rows with {@code --representation tfidf}.
 */
final class ClusterInput {
  @Option(names = {"-i", "--input"}, arity = "1..*", paramLabel = "FILE", description = Inputs.DESCRIPTION)
  List<Path> inputs;

  @Option(names = "--map", paramLabel = "DIR", description = "A map saved by 'papermap build' (its vectors as saved).")
  Path map;

  @Option(
      names = "--vectors",
      paramLabel = "FILE.csv",
      description = "Vectors to cluster: one row of numbers per point; ids = row numbers (from 0), or a first column"
          + " named 'id' in a header line.")
  Path vectors;

  /** The points of a run: ids, titles (null for --vectors), and dense or sparse vectors (one is null). */
  record Points(List<String> ids, Corpus corpus, DenseVectors dense, SparseMatrix sparse) {
    int size() {
      return ids.size();
    }

    String title(int i) {
      return corpus == null ? null : corpus.get(i).title();
    }
  }

  /** Whether the vectors are the user's ({@code --vectors}). */
  boolean userVectors() {
    return vectors != null;
  }

  /**
   * Reads or builds the points.
   *
   * @param tfidf whether to cluster TF-IDF rows rather than LSA embeddings
   */
  Points load(CommandLine cmd, CliSession cli, InputOptions read, ClusterCommand.Building build, ComputeOptions compute,
      boolean tfidf,
      ProgressRenderer progress) throws IOException {
    if (vectors != null) {
      if (read.anyGiven() || build.anyGiven()) {
        throw new ParameterException(cmd, "--vectors are clustered as given: the reading, analysis, --representation"
            + " and --lsa-dims flags apply to --input (and --representation to --map)");
      }
      cli.step("reading the vectors " + vectors);
      VectorsCsv v = VectorsCsv.read(vectors);
      return new Points(v.ids(), null, v.vectors(), null);
    }
    PaperMap m;
    if (map != null) {
      if (read.anyGiven() || build.analysisGiven()) {
        throw new ParameterException(cmd, "the reading and analysis flags and --lsa-dims apply to --input; a --map is"
            + " used as saved");
      }
      cli.step("opening the map " + map);
      m = PaperMap.open(map, progress);
      if (!tfidf && m.lsa() == null) {
        throw new ParameterException(cmd, "--map " + map + " has no LSA vectors (a --representation tfidf map saved before"
            + " every map held LSA);"
            + " cluster its TF-IDF rows with --algorithm kmeans --representation tfidf");
      }
    } else {
      PaperMapOptions options = build.options(cmd, tfidf ? Representation.TFIDF : Representation.LSA, compute);
      cli.step("reading papers");
      Corpus corpus = read.read(inputs, progress).corpus();
      cli.step(MapOptions.describe(options));
      m = PaperMap.build(corpus, options, progress);
    }
    Corpus corpus = m.corpus();
    List<String> ids = new java.util.ArrayList<>(corpus.size());
    for (int i = 0; i < corpus.size(); i++) {
      ids.add(corpus.id(i));
    }
    return tfidf
        ? new Points(ids, corpus, null, m.tfidf().matrix())
        : new Points(ids, corpus, m.lsa().embeddings(), null);
  }
}
