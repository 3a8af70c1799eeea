package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.topic.Clusters;
import org.papermap.topic.KeywordExtractor;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicEvaluation;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicQuality;
import org.papermap.topic.TopicTerms;

/**
 * Keyword settings measured by NPMI coherence and diversity of the top-10 keywords, with each labelled
 * set's own labels as the clustering (so the grouping is fixed and only the description varies): the
 * three devsets and the first 20,000 arxiv-daily papers (primary category, categories with at least 100
 * papers, others noise). Quality figures; the timing is not measured.
 *
 * <p>Usage: {@code TopicKeywordQuality [devsets dir] [arxiv-daily.jsonl.gz]}
 */
public final class TopicKeywordQuality {
  private TopicKeywordQuality() {}

  public static void main(String[] args) throws IOException {
    Path devsets = Path.of(args.length > 0 ? args[0] : "/work/shared/data/devsets");
    Path arxiv = Path.of(args.length > 1 ? args[1] : "/work/shared/data/arxiv-daily.jsonl.gz");
    System.out.println("| set | papers | topics | damping | bm25 | diversity λ | NPMI@10 | diversity@10 | label of the largest topic |");
    System.out.println("|---|---:|---:|---|---|---:|---:|---:|---|");
    for (String name : List.of("iclr2024-areas", "clustrec-covid", "coronacentral-topics")) {
      run(name, CorpusReader.read(devsets.resolve(name + ".jsonl")).corpus(), 1);
    }
    if (Files.isRegularFile(arxiv)) {
      Corpus all = CorpusReader.read(arxiv).corpus();
      run("arxiv-daily 20k", Corpus.of(all.subList(0, Math.min(20_000, all.size()))), 100);
    }
  }

  private static void run(String name, Corpus corpus, int minPerLabel) {
    Clusters clusters = Clusters.of(labels(corpus, minPerLabel));
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().parallelism(2).build());
    TopicData data = TopicData.of(corpus, terms);
    for (boolean damping : new boolean[] {true, false}) {
      for (boolean bm25 : new boolean[] {false, true}) {
        for (double lambda : new double[] {0, 0.1, 0.3, 0.5}) {
          KeywordExtractor.Options kw = KeywordExtractor.Options.builder()
              .reduceFrequentWords(damping).bm25(bm25).diversity(lambda).build();
          TopicModel m = TopicModeler.fit(data, clusters, TopicOptions.builder().keywords(kw).parallelism(2).build());
          TopicQuality q = TopicEvaluation.evaluate(m, 10);
          int largest = 0;
          for (int t = 1; t < m.topicCount(); t++) {
            largest = m.topic(t).size() > m.topic(largest).size() ? t : largest;
          }
          System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %.1f | %.4f | %.4f | %s |%n", name,
              corpus.size(), m.topicCount(), damping ? "√tf" : "tf", bm25 ? "yes" : "no", lambda,
              q.coherence(), q.diversity(), m.topic(largest).label());
        }
      }
    }
  }

  /** Primary labels with at least {@code min} papers as dense clusters (label order); others noise. */
  static int[] labels(Corpus corpus, int min) {
    TreeMap<String, Integer> count = new TreeMap<>();
    for (Paper p : corpus) {
      if (p.primaryLabel() != null) {
        count.merge(p.primaryLabel(), 1, Integer::sum);
      }
    }
    TreeMap<String, Integer> id = new TreeMap<>();
    count.forEach((label, c) -> {
      if (c >= min) {
        id.put(label, id.size());
      }
    });
    int[] labels = new int[corpus.size()];
    for (int i = 0; i < labels.length; i++) {
      Integer c = id.get(corpus.get(i).primaryLabel() == null ? "" : corpus.get(i).primaryLabel());
      labels[i] = c == null ? -1 : c;
    }
    return labels;
  }
}
