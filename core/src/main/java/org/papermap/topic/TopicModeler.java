package org.papermap.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.internal.Parallel;

/**
 * Turns a clustering of a corpus into labelled topics.
 *
 * <p>{@link #fit} runs these steps:
 *
 * <ol>
 *   <li><b>represent</b>: group papers by label; class-based TF-IDF of each topic ({@link ClassTfIdf});
 *       topic centres in the dense space when vectors are given ({@link TopicCentres});
 *   <li><b>reassign outliers</b> as {@link OutlierReassigner} says; when any moved, represent again
 *       with them;
 *   <li><b>score papers</b>: each paper's confidence in its topic (its membership strength when the
 *       clustering has them, else its cosine to the topic centre, else its keyword cosine; the
 *       reassignment confidence for moved papers; 0 for outliers);
 *   <li><b>describe</b>: keywords, label ({@link KeywordExtractor}) and representative papers of each
 *       topic;
 *   <li><b>hierarchy</b>: average linkage of the topics' c-TF-IDF vectors (or centres) under cosine
 *       distance ({@link TopicHierarchy}).
 * </ol>
 *
 * Every step is deterministic and splits work by topic or by paper with a fixed reduction order, so the
 * topics are identical for any {@code parallelism}. Topic ids are the cluster labels; {@link #reduce}
 * renumbers by size.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class TopicModeler {
  private TopicModeler() {}

  /**
   * Topics from {@code clusters} over {@code data}.
   *
   * @throws IllegalArgumentException if the clustering does not label exactly the papers of {@code data},
   *     or an option needs an input that is missing (dense vectors, strengths, soft membership)
   */
  public static TopicModel fit(TopicData data, Clusters clusters, TopicOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(options, "options");
    checkInputs(data, clusters, options);
    int[] labels = clusters.labels();
    Representation rep = represent(data, labels, clusters.clusterCount(), options);
    float[] confidence = new float[labels.length];
    boolean[] moved = new boolean[labels.length];
    int noiseBefore = rep.noise.length;
    if (options.outliers().strategy() != OutlierReassigner.Strategy.KEEP && noiseBefore > 0) {
      TopicAssignment[] a =
          OutlierReassigner.reassign(
              rep.noise, options.outliers(), data, clusters, rep.centres, rep.keywords,
              options.parallelism(), options.executor());
      boolean any = false;
      for (int i = 0; i < a.length; i++) {
        if (!a[i].isOutlier()) {
          int ord = rep.noise[i];
          labels[ord] = a[i].topic();
          confidence[ord] = a[i].confidence();
          moved[ord] = true;
          any = true;
        }
      }
      if (any) {
        rep = represent(data, labels, clusters.clusterCount(), options);
      }
    }
    float[] fit = PaperScores.ownTopic(data, labels, rep.keywords, rep.centres, options);
    for (int ord = 0; ord < labels.length; ord++) {
      if (labels[ord] != ClusterMetric.NOISE && !moved[ord]) {
        confidence[ord] = clusters.hasStrengths() ? clusters.strength(ord) : fit[ord];
      }
    }
    List<Topic> topics = describe(data, clusters, rep, fit, options);
    TopicHierarchy hierarchy = hierarchy(rep, options);
    return new TopicModel(
        data, clusters, options, topics, labels, confidence, moved, noiseBefore, hierarchy,
        rep.keywords, rep.centres);
  }

  /**
   * Merges similar topics until {@code topics} remain: cuts the model's hierarchy, maps every cluster
   * label to its group and fits again with the same options. New ids are ranked by size (0 = largest;
   * ties by lowest merged id). Soft memberships of merged clusters are summed (capped at 1).
   *
   * @throws IllegalArgumentException if {@code topics} is not in [1, model.topicCount()]
   */
  public static TopicModel reduce(TopicModel model, int topics) {
    Objects.requireNonNull(model, "model");
    int k = model.topicCount();
    if (topics < 1 || topics > k) {
      throw new IllegalArgumentException("topics must be in [1, " + k + "], got " + topics);
    }
    if (topics == k) {
      return model;
    }
    int[] group = model.hierarchy().cut(topics);
    long[] paperCount = new long[topics];
    for (int c = 0; c < k; c++) {
      paperCount[group[c]] += model.clusters().labelCount(c);
    }
    Integer[] rank = new Integer[topics];
    for (int g = 0; g < topics; g++) {
      rank[g] = g;
    }
    // groups are numbered by their lowest cluster id, so a stable sort by size breaks ties by it
    Arrays.sort(rank, (a, b) -> Long.compare(paperCount[b], paperCount[a]));
    int[] newId = new int[topics];
    for (int r = 0; r < topics; r++) {
      newId[rank[r]] = r;
    }
    int[] mapping = new int[k];
    for (int c = 0; c < k; c++) {
      mapping[c] = newId[group[c]];
    }
    Clusters merged = model.clusters().mapped(mapping, topics);
    return fit(model.data(), merged, model.options());
  }

  private static void checkInputs(TopicData data, Clusters clusters, TopicOptions o) {
    if (clusters.size() != data.size()) {
      throw new IllegalArgumentException(
          "clusters must label every paper: " + clusters.size() + " labels for " + data.size() + " papers");
    }
    OutlierReassigner.Strategy s = o.outliers().strategy();
    if (s == OutlierReassigner.Strategy.NEAREST_CENTRE && !data.hasVectors()) {
      throw new IllegalArgumentException("outliers strategy NEAREST_CENTRE needs dense vectors in TopicData");
    }
    if (s == OutlierReassigner.Strategy.SOFT_MEMBERSHIP && !clusters.hasMembership()) {
      throw new IllegalArgumentException(
          "outliers strategy SOFT_MEMBERSHIP needs clusters with a soft-membership matrix");
    }
    if (o.representativesBy() == TopicOptions.Representatives.CENTRE && !data.hasVectors()) {
      throw new IllegalArgumentException("representativesBy CENTRE needs dense vectors in TopicData");
    }
    if (o.representativesBy() == TopicOptions.Representatives.MEMBERSHIP && !clusters.hasStrengths()) {
      throw new IllegalArgumentException("representativesBy MEMBERSHIP needs clusters with strengths");
    }
    if (o.hierarchyBy() == TopicOptions.Space.CENTRES && !data.hasVectors()) {
      throw new IllegalArgumentException("hierarchyBy CENTRES needs dense vectors in TopicData");
    }
  }

  /** Members and noise of a labelling, with the topic vectors computed from them. */
  record Representation(List<int[]> members, int[] noise, ClassTfIdf keywords, TopicCentres centres) {}

  static Representation represent(TopicData data, int[] labels, int k, TopicOptions o) {
    int[] sizes = new int[k];
    int noiseCount = 0;
    for (int label : labels) {
      if (label == ClusterMetric.NOISE) {
        noiseCount++;
      } else {
        sizes[label]++;
      }
    }
    List<int[]> members = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      members.add(new int[sizes[c]]);
    }
    int[] fill = new int[k];
    int[] noise = new int[noiseCount];
    int nf = 0;
    for (int ord = 0; ord < labels.length; ord++) {
      int c = labels[ord];
      if (c == ClusterMetric.NOISE) {
        noise[nf++] = ord;
      } else {
        members.get(c)[fill[c]++] = ord;
      }
    }
    ClassTfIdf keywords =
        ClassTfIdf.fit(
            data.terms().counts(), members, noise, o.keywords().bm25(),
            o.keywords().reduceFrequentWords(), o.parallelism(), o.executor());
    TopicCentres centres =
        data.hasVectors()
            ? TopicCentres.fit(data.vectors(), members, o.parallelism(), o.executor())
            : null;
    return new Representation(members, noise, keywords, centres);
  }

  private static List<Topic> describe(
      TopicData data, Clusters clusters, Representation rep, float[] fit, TopicOptions o) {
    int k = rep.members.size();
    Topic[] topics = new Topic[k];
    boolean byMembership =
        o.representativesBy() == TopicOptions.Representatives.MEMBERSHIP
            || (o.representativesBy() == TopicOptions.Representatives.AUTO && clusters.hasStrengths());
    List<KeywordExtractor> extractors =
        Parallel.perWorker(o.parallelism(), w -> new KeywordExtractor(o.keywords(), data.terms()));
    Parallel.forRange(
        k,
        1,
        o.parallelism(),
        o.executor(),
        (w, from, to) -> {
          for (int c = from; c < to; c++) {
            int[] papers = rep.members.get(c);
            KeywordExtractor.Result kw = extractors.get(w).extract(rep.keywords.weights(c));
            int[] reps =
                PaperScores.representatives(papers, fit, byMembership ? clusters : null, o.representatives());
            topics[c] = new Topic(c, papers.length, kw.label(), kw.keywords(), reps, papers);
          }
        });
    return List.of(topics);
  }

  private static TopicHierarchy hierarchy(Representation rep, TopicOptions o) {
    int k = rep.members.size();
    double[][] d = new double[k][k];
    boolean centres = o.hierarchyBy() == TopicOptions.Space.CENTRES;
    Parallel.forRange(
        k,
        1,
        o.parallelism(),
        o.executor(),
        (w, from, to) -> {
          // each pair a < b is computed by exactly one task, which writes both cells
          for (int a = from; a < to; a++) {
            for (int b = a + 1; b < k; b++) {
              double cos = centres ? rep.centres.cosine(a, b) : rep.keywords.cosine(a, b);
              d[a][b] = Math.max(0, 1 - cos);
              d[b][a] = d[a][b];
            }
          }
        });
    return TopicHierarchy.averageLinkage(d);
  }
}
