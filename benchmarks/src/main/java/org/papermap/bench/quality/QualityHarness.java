package org.papermap.bench.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import org.papermap.bench.quality.Space.Mode;

/**
 * The quality table of issue 8: related-paper and title-query precision@10 and MAP@10 of every setting on
 * every labelled set, in one run, next to scikit-learn's two settings (computed in the same run by {@code
 * scripts/quality_sklearn.py}, see {@code scripts/quality_table.sh}).
 *
 * <p>Sets: the three devsets ({@code iclr2024-areas}, {@code clustrec-covid}, {@code coronacentral-topics})
 * and the first {@code --arxiv-limit} (20,000) arxiv-daily papers with a title, labelled by primary
 * category. Settings: the facade as a user calls it (today's defaults, {@code --facade}), and prototype
 * settings written as {@link VariantSpec}s ({@code --variant SPEC}, or {@code --variants FILE} with one
 * {@code name<TAB>spec} a line).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.papermap.bench.quality.QualityHarness [--data DIR]
 * [--sets iclr,clustrec,corona,arxiv] [--arxiv-limit 20000] [--sklearn FILE.tsv] [--facade]
 * [--variants FILE] [--variant SPEC]... [--parallelism 2]
 * [--query-stride 1] [--query TEXT --mention WORD]}. {@code --query-stride S} takes every S-th paper as a query
 * (exploration only: the table uses all); {@code --query} prints each setting's top 10 for one free-text
 * query instead of evaluating, marking the papers that mention WORD.
 *
 * <p>Thread-safety: a command-line tool.
 */
public final class QualityHarness {
  static final Map<String, String> SETS = new LinkedHashMap<>();

  static {
    SETS.put("iclr", "iclr2024-areas");
    SETS.put("clustrec", "clustrec-covid");
    SETS.put("corona", "coronacentral-topics");
    SETS.put("arxiv", "arxiv-daily-20k");
  }

  /** One row of the table. */
  record Row(String set, String setting, double relP10, double relMap, double titleP10, double titleMap) {}

  private QualityHarness() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of("/work/shared/data");
    List<String> sets = new ArrayList<>(SETS.keySet());
    int arxivLimit = 20_000;
    int parallelism = 2;
    int stride = 1;
    Path sklearn = null;
    boolean facade = false;
    String query = null;
    String mention = null;
    Map<String, String> variants = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--sets" -> sets = List.of(args[++i].split(","));
        case "--arxiv-limit" -> arxivLimit = Integer.parseInt(args[++i]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
        case "--query-stride" -> stride = Integer.parseInt(args[++i]);
        case "--sklearn" -> sklearn = Path.of(args[++i]);
        case "--facade" -> facade = true;
        case "--query" -> query = args[++i];
        case "--mention" -> mention = args[++i];
        case "--variant" -> {
          String s = args[++i];
          variants.put(s, s);
        }
        case "--variants" -> {
          for (String line : Files.readAllLines(Path.of(args[++i]), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
              continue;
            }
            String[] nv = line.split("\t", 2);
            variants.put(nv[0].trim(), nv.length == 2 ? nv[1].trim() : nv[0].trim());
          }
        }
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    Map<String, List<VariantSpec>> specs = new LinkedHashMap<>();
    variants.forEach((name, spec) -> {
      List<VariantSpec> list = new ArrayList<>();
      for (String part : spec.split("\\+\\+")) {
        list.add(VariantSpec.parse(part));
      }
      specs.put(name, list);
    });
    List<Row> rows = new ArrayList<>();
    if (sklearn != null) {
      rows.addAll(readSklearn(sklearn));
    }
    for (String key : sets) {
      String name = SETS.get(key);
      if (name == null) {
        throw new IllegalArgumentException("--sets: unknown set '" + key + "', known " + SETS.keySet());
      }
      LabelledSet set = key.equals("arxiv")
          ? LabelledSet.read(name, data.resolve("arxiv-daily.jsonl.gz"), arxivLimit)
          : LabelledSet.read(name, data.resolve("devsets").resolve(name + ".jsonl"), Integer.MAX_VALUE);
      System.out.printf(Locale.ROOT, "# %s: %d papers, %d labels%n", name, set.size(), set.labelCount());
      if (facade) {
        long t0 = System.nanoTime();
        Metrics.Quality[] q = FacadeRun.evaluate(set, FacadeRun.V01_DEFAULTS, parallelism);
        rows.add(print(name, "PaperMap 0.1 defaults (facade)", q[0], q[1], t0));
        t0 = System.nanoTime();
        PaperMap map = PaperMap.build(set.corpus(), PaperMapOptions.builder().parallelism(parallelism).build());
        Metrics.Quality related = FacadeRun.related(set, map);
        for (Representation r : Representation.values()) {
          q = new Metrics.Quality[] {related, FacadeRun.titles(set, map, r, parallelism)};
          String label = "PaperMap defaults (facade), search by " + r.name().toLowerCase(Locale.ROOT)
              + (r == map.options().searchRepresentation() ? " (default)" : "");
          rows.add(print(name, label, q[0], q[1], t0));
          if (query != null) {
            printFacadeQuery(set, label, query, mention, map, r);
          }
          t0 = System.nanoTime();
        }
      }
      SetContext ctx = new SetContext(set, parallelism);
      for (Map.Entry<String, List<VariantSpec>> e : specs.entrySet()) {
        long t0 = System.nanoTime();
        Pipeline p = VariantSpec.pipeline(e.getValue(), ctx);
        if (query != null) {
          printQuery(set, e.getKey(), query, mention, p.scoreText(query));
        }
        Scorer related = p.scorer(Mode.RELATED);
        Scorer titles = p.scorer(Mode.TITLE);
        VariantSpec first = e.getValue().get(0);
        int snn = first.i("snn", 0);
        if (snn > 0) {
          int[][] nn = SnnRerank.neighbours(related, set.size(), snn);
          float lambda = (float) first.f("snnl", 0.1);
          related = SnnRerank.rerank(related, nn, snn, lambda);
          titles = SnnRerank.rerank(titles, nn, snn, lambda);
        }
        Metrics.Quality rel = Metrics.evaluate(set, related, parallelism, stride);
        Metrics.Quality title = Metrics.evaluate(set, titles, parallelism, stride);
        rows.add(print(name, e.getKey(), rel, title, t0));
      }
    }
    System.out.println();
    System.out.print(QualityTable.markdown(rows));
  }

  /** How many of the top 10 for free text mention {@code mention} (case-insensitive, title or abstract). */
  static void printQuery(LabelledSet set, String setting, String query, String mention, float[] scores) {
    int[] top = new int[Metrics.K];
    int m = Metrics.top(scores, -1, top);
    int hits = 0;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < m; i++) {
      var p = set.corpus().get(top[i]);
      boolean hit = mention != null && p.text().toLowerCase(Locale.ROOT).contains(mention.toLowerCase(Locale.ROOT));
      hits += hit ? 1 : 0;
      sb.append(String.format(Locale.ROOT, "    %s %.3f %s%n", hit ? "*" : " ", scores[top[i]], p.title()));
    }
    System.out.printf(Locale.ROOT, "QUERY %s\t%d/%d mention '%s'\t%s%n%s", set.name(), hits, m, mention, setting, sb);
  }

  /** {@link #printQuery} for the facade's {@code search} by {@code r}. */
  static void printFacadeQuery(
      LabelledSet set, String setting, String query, String mention, PaperMap map, Representation r) {
    float[] scores = new float[set.size()];
    java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    List<PaperMap.Related> hits = map.search(query, Metrics.K, r);
    for (int i = 0; i < hits.size(); i++) {
      scores[hits.get(i).ord()] = Metrics.K - i; // rank order; printed scores are ranks
    }
    printQuery(set, setting, query, mention, scores);
  }

  private static Row print(String set, String setting, Metrics.Quality rel, Metrics.Quality title, long t0) {
    Row r = new Row(set, setting, rel.p10(), rel.map10(), title.p10(), title.map10());
    System.out.printf(Locale.ROOT, "RESULT %s\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t(%.1f s)%n", set, r.relP10(),
        r.relMap(), r.titleP10(), r.titleMap(), setting, (System.nanoTime() - t0) / 1e9);
    return r;
  }

  /** Rows of {@code quality_sklearn.py}'s TSV (set, setting, papers, terms, 4 measures). */
  static List<Row> readSklearn(Path tsv) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 8) {
        throw new IOException(tsv + ": expected 8 tab-separated fields, got " + f.length + ": " + line);
      }
      rows.add(new Row(f[0], "scikit-learn " + f[1], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
          Double.parseDouble(f[6]), Double.parseDouble(f[7])));
    }
    return rows;
  }
}
