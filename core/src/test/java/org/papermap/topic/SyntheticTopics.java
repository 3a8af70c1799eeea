package org.papermap.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.vector.DenseVectors;

/**
 * A seeded synthetic corpus: {@code topics} groups of papers, each written from its own words plus
 * words shared by all groups, and dense vectors near a per-group direction. The true group of each
 * paper is its label; tests use it (or a perturbation of it) as the clustering.
 */
final class SyntheticTopics {
  static final String[][] WORDS = {
    {"protein", "folding", "molecule", "enzyme", "binding", "residue", "peptide", "ligand"},
    {"galaxy", "telescope", "stellar", "cosmic", "redshift", "nebula", "quasar", "orbit"},
    {"policy", "reward", "agent", "bandit", "exploration", "markov", "regret", "episode"},
    {"graph", "node", "edge", "vertex", "spectral", "subgraph", "clique", "walk"},
    {"image", "pixel", "convolution", "segmentation", "camera", "texture", "detection", "frame"},
  };
  static final String[] SHARED = {"model", "data", "analysis", "system", "framework", "training"};

  final Corpus corpus;
  final int[] truth;
  final DenseVectors vectors;

  private SyntheticTopics(Corpus corpus, int[] truth, DenseVectors vectors) {
    this.corpus = corpus;
    this.truth = truth;
    this.vectors = vectors;
  }

  /** {@code perTopic} papers for each of the first {@code topics} word groups. */
  static SyntheticTopics generate(int topics, int perTopic, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Paper> papers = new ArrayList<>();
    int n = topics * perTopic;
    int[] truth = new int[n];
    float[][] vectors = new float[n][topics + 2];
    for (int i = 0; i < n; i++) {
      int t = i % topics; // interleaved, so topics are not contiguous ord ranges
      truth[i] = t;
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        String word =
            rnd.nextInt(10) < 7 ? WORDS[t][rnd.nextInt(WORDS[t].length)] : SHARED[rnd.nextInt(SHARED.length)];
        sb.append(word).append(' ');
      }
      // a fixed phrase per topic, so bigram labels have something to find
      sb.append(WORDS[t][0]).append(' ').append(WORDS[t][1]).append('.');
      papers.add(Paper.of("p" + i, "Paper " + i + " on " + WORDS[t][2], sb.toString()));
      vectors[i][t] = 1f;
      for (int j = 0; j < vectors[i].length; j++) {
        vectors[i][j] += (float) (rnd.nextGaussian() * 0.25);
      }
    }
    return new SyntheticTopics(Corpus.of(papers), truth, DenseVectors.of(vectors));
  }

  /** Terms counted with the defaults but min df 1 (the corpus is small). */
  TopicTerms terms() {
    return TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().minDf(1).build());
  }

  TopicData data() {
    return new TopicData(corpus, terms(), vectors);
  }

  int[] truthWithNoise(int every) {
    int[] labels = truth.clone();
    for (int i = 0; i < labels.length; i += every) {
      labels[i] = -1;
    }
    return labels;
  }

}
