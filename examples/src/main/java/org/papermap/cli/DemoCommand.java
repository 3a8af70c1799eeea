package org.papermap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.papermap.MapTopicOptions;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.topic.Topic;
import org.papermap.topic.TopicModel;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.corpus.ReadResult;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code papermap demo}: runs PaperMap's pipeline on a folder of paper listings (the bundled sample by
 * default) and prints what each stage found. Each capability of the library adds a section here.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap demo [-i FILE...] [-q]",
      ""
    },
    sortOptions = false,
    description = "Run the pipeline on paper listings (default: the bundled sample in examples/data) and print what each stage found.")
final class DemoCommand implements Callable<Integer> {
  private static final int TOP_TERM_PAPERS = 3;

  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  DemoCommand(CliSession cli) {
    this.cli = cli;
  }

  @Option(
      names = {"-i", "--input"},
      arity = "1..*",
      paramLabel = "FILE",
      defaultValue = "examples/data",
      description = Inputs.DESCRIPTION + " Default: ${DEFAULT-VALUE}, the bundled sample.")
  List<Path> inputs;

  /** Topics the demo lists. */
  static final int DEMO_TOPICS = 10;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    cli.step("reading papers");
    ReadResult read = CorpusReader.read(inputs, CorpusReader.Options.defaults(), progress);
    printCorpus(out, read);
    // One map serves both sections: its TF-IDF for the top terms, its hybrid index for related papers.
    cli.step("building the map");
    PaperMap map = PaperMap.build(
        read.corpus(), PaperMapOptions.builder().topics(MapTopicOptions.defaults()).build(), progress);
    printVectors(out, read.corpus(), map.tfidf());
    printRelated(out, read.corpus(), map);
    printTopics(out, map.topics());
    out.flush();
    return 0;
  }

  /** The paper files of a folder, in name order (tests). */
  static List<Path> inputs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(txt|jsonl|ndjson|json|csv|tsv)(\\.gz)?"))
          .sorted()
          .toList();
    }
  }

  private static void printCorpus(PrintWriter out, ReadResult read) {
    Corpus corpus = read.corpus();
    out.printf(Locale.ROOT, "== Corpus: %d papers from %d sources%n", corpus.size(), read.report().papersBySource().size());
    Map<String, Map<String, Integer>> sections = new LinkedHashMap<>();
    Map<String, List<Paper>> bySource = new LinkedHashMap<>();
    for (Paper p : corpus) {
      String source = p.origin() == null ? "?" : p.origin().file();
      sections.computeIfAbsent(source, k -> new LinkedHashMap<>()).merge(String.valueOf(p.venue()), 1, Integer::sum);
      bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(p);
    }
    for (var e : read.report().papersBySource().entrySet()) {
      out.printf(Locale.ROOT, "%-28s %4d papers%n", Path.of(e.getKey()).getFileName(), e.getValue());
      Map<String, Integer> s = sections.getOrDefault(e.getKey(), Map.of());
      for (var sec : s.entrySet()) {
        out.printf(Locale.ROOT, "    %-40s %4d%n", sec.getKey(), sec.getValue());
      }
      List<Paper> papers = bySource.getOrDefault(e.getKey(), List.of());
      if (!papers.isEmpty()) {
        Paper first = papers.get(0);
        out.printf(Locale.ROOT, "    e.g. [%s] %s%n", first.id(), abbreviate(first.title(), 80));
      }
    }
  }

  /** The map's TF-IDF: vocabulary size and the top terms of the first papers of each source. */
  private static void printVectors(PrintWriter out, Corpus corpus, TfIdfResult tfidf) {
    SparseMatrix m = tfidf.matrix();
    out.printf(
        Locale.ROOT,
        "%n== TF-IDF: %d terms, %d non-zeros (default analysis, minDf %s, maxDf %s); top terms, first %d papers per source%n",
        tfidf.model().vocabulary().size(),
        m.nnz(),
        bound(tfidf.model().options().minDf()),
        bound(tfidf.model().options().maxDf()),
        TOP_TERM_PAPERS);
    Map<String, Integer> shown = new LinkedHashMap<>();
    for (int ord = 0; ord < corpus.size(); ord++) {
      Paper p = corpus.get(ord);
      String source = p.origin() == null ? "?" : p.origin().file();
      if (shown.merge(source, 1, Integer::sum) > TOP_TERM_PAPERS) {
        continue;
      }
      out.printf(Locale.ROOT, "  [%s] %s%n      %s%n", p.id(), abbreviate(p.title(), 70), topTerms(tfidf, ord, 6));
    }
  }

  /** The default map (hybrid TF-IDF + LSA): five related papers, with reasons, of three sample papers. */
  private static void printRelated(PrintWriter out, Corpus corpus, PaperMap map) {
    out.printf(Locale.ROOT, "%n== Related papers (%s); reasons = shared terms with the most weight%n", map);
    // The first paper of three different sources: a session talk, a poster and a daily-feed entry.
    int[] queries = {firstOf(corpus, "002_"), firstOf(corpus, "003_"), firstOf(corpus, "004_")};
    for (int q : queries) {
      if (q < 0) {
        continue;
      }
      out.printf(Locale.ROOT, "  [%s] %s%n", corpus.id(q), abbreviate(corpus.get(q).title(), 80));
      for (PaperMap.Related r : map.relatedTo(q, 5, 3)) {
        StringBuilder why = new StringBuilder();
        for (PaperMap.TermWeight t : r.terms()) {
          why.append(why.length() == 0 ? "" : ", ").append(t.term());
        }
        out.printf(
            Locale.ROOT,
            "     %.3f [%s] %s%n           because: %s%n",
            r.score(),
            r.id(),
            abbreviate(corpus.get(r.ord()).title(), 64),
            why);
      }
    }
  }

  /** The largest topics of the sample (k-means, k chosen at the knee of its objective). */
  private static void printTopics(PrintWriter out, TopicModel topics) {
    out.printf(Locale.ROOT, "%n== Topics: %d over %d papers (k-means, number of topics auto); the %d largest%n",
        topics.topicCount(), topics.paperCount(), Math.min(DEMO_TOPICS, topics.topicCount()));
    List<Topic> bySize = new ArrayList<>(topics.topics());
    bySize.sort(java.util.Comparator.comparingInt(Topic::size).reversed().thenComparingInt(Topic::id));
    for (Topic t : bySize.subList(0, Math.min(DEMO_TOPICS, bySize.size()))) {
      out.printf(Locale.ROOT, "  %3d papers  %s%n", t.size(), t.label());
    }
    out.printf(Locale.ROOT, "  all of them: papermap topics -i FILE... -o topics.json; a page: papermap report -i FILE... -o report.html%n");
  }

  private static String bound(org.papermap.vector.Vocabulary.Bound b) {
    return b.fraction() ? Double.toString(b.value()) : Long.toString((long) b.value());
  }

  private static int firstOf(Corpus corpus, String sourcePrefix) {
    for (int ord = 0; ord < corpus.size(); ord++) {
      var origin = corpus.get(ord).origin();
      if (origin != null && Path.of(origin.file()).getFileName().toString().startsWith(sourcePrefix)) {
        return ord;
      }
    }
    return -1;
  }

  static String topTerms(TfIdfResult tfidf, int ord, int k) {
    SparseMatrix m = tfidf.matrix();
    int start = m.rowStart(ord);
    int n = m.rowEnd(ord) - start;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = start + i;
    }
    // Heaviest first; ties to the lower term ord so the output is stable.
    java.util.Arrays.sort(
        order, (a, b) -> m.value(a) != m.value(b) ? Float.compare(m.value(b), m.value(a)) : Integer.compare(a, b));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(k, n); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(tfidf.model().term(m.colIndex(order[i])))
          .append(String.format(Locale.ROOT, " %.2f", m.value(order[i])));
    }
    return sb.toString();
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
