package org.papermap.bench.quality;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import org.papermap.PaperMap;
import org.papermap.QueryOptions;
import org.papermap.Representation;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions;
import org.papermap.PaperMapOptions;

/**
 * Evaluates the facade as a user calls it: {@link PaperMap#build}, then {@link PaperMap#relatedAll} for
 * related papers and {@link PaperMap#search} of each title, the paper itself excluded (from the answer and
 * from the feedback), for title queries.
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class FacadeRun {
  /** The facade defaults of 0.1 (issue 4, chosen on arxiv-daily alone), for the "today" row. */
  static final PaperMapOptions V01_DEFAULTS =
      PaperMapOptions.builder()
          .tfidf(TfIdfOptions.builder().analyzer(PaperAnalyzer.Options.abstracts()).titleWeight(1f)
              .idf(TfIdfOptions.Idf.SMOOTH).minDf(2).maxDfFraction(0.5).build())
          .representation(Representation.HYBRID)
          .searchRepresentation(Representation.HYBRID)
          .lsaDimensions(100)
          .hybridWeight(0.5)
          .smoothingNeighbours(0)
          .feedbackPapers(0)
          .queryTermBoost(0)
          .build();

  private FacadeRun() {}

  /** Related and title-query quality of a map built with {@code options} on the set. */
  static Metrics.Quality[] evaluate(LabelledSet set, PaperMapOptions options, int parallelism) {
    PaperMap map = PaperMap.build(set.corpus(), options.toBuilder().parallelism(parallelism).build());
    return new Metrics.Quality[] {related(set, map), titles(set, map, null, parallelism)};
  }

  /** Related-paper quality of {@link PaperMap#relatedAll} by the map's representation. */
  static Metrics.Quality related(LabelledSet set, PaperMap map) {
    List<List<PaperMap.Related>> all = map.relatedAll(Metrics.K, 0);
    double[] rel = new double[2];
    for (int q = 0; q < set.size(); q++) {
      add(rel, Metrics.judge(set, q, ords(all.get(q), -1), Math.min(Metrics.K, all.get(q).size())));
    }
    return new Metrics.Quality(rel[0] / (Metrics.K * (double) set.size()), rel[1] / set.size());
  }

  /** Title-query quality of {@link PaperMap#search} by {@code search} (null: the map's default). */
  static Metrics.Quality titles(LabelledSet set, PaperMap map, Representation search, int parallelism) {
    double[][] parts = new double[parallelism][2];
    AtomicLong next = new AtomicLong();
    Thread[] threads = new Thread[parallelism];
    for (int w = 0; w < parallelism; w++) {
      double[] acc = parts[w];
      threads[w] = Thread.ofPlatform().start(() -> {
        for (int q; (q = (int) next.getAndIncrement()) < set.size(); ) {
          // The paper itself is left out of the answer and of the feedback, as in the prototype runs.
          List<PaperMap.Related> hits = map.search(set.titles().get(q).title(), QueryOptions.builder()
              .k(Metrics.K).representation(search).excludeIds(Set.of(set.corpus().id(q))).build());
          int[] top = ords(hits, q);
          int m = 0;
          while (m < top.length && top[m] >= 0) {
            m++;
          }
          add(acc, Metrics.judge(set, q, top, m));
        }
      });
    }
    double[] title = new double[2];
    for (int w = 0; w < parallelism; w++) {
      try {
        threads[w].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      add(title, parts[w]);
    }
    return new Metrics.Quality(title[0] / (Metrics.K * (double) set.size()), title[1] / set.size());
  }

  private static void add(double[] acc, double[] r) {
    acc[0] += r[0];
    acc[1] += r[1];
  }

  /** The first K ords of the hits other than {@code self}; -1 pads. */
  private static int[] ords(List<PaperMap.Related> hits, int self) {
    int[] out = new int[Metrics.K];
    java.util.Arrays.fill(out, -1);
    int m = 0;
    for (PaperMap.Related r : hits) {
      if (r.ord() != self && m < Metrics.K) {
        out[m++] = r.ord();
      }
    }
    return out;
  }
}
