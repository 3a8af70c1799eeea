package org.papermap.topic;

import java.util.List;
import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.corpus.Paper;
import org.papermap.vector.SparseVector;

/**
 * Topics fitted on a corpus by {@link TopicModeler}: the topics, each paper's topic and confidence,
 * the hierarchy, and prediction for new papers.
 *
 * <p>A paper's confidence is in [0, 1]: its membership strength when the clustering gave strengths;
 * otherwise its cosine to its topic (centre in the dense vectors, or class-based TF-IDF vector; see
 * {@link TopicOptions.Representatives}); for a reassigned outlier the confidence of its reassignment; 0
 * for an outlier.
 *
 * <p>The model keeps references to its inputs ({@link #data()}, {@link #clusters()}), which are
 * immutable, so it can be reduced and can predict without them being passed again.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class TopicModel {
  private final TopicData data;
  private final Clusters clusters;
  private final TopicOptions options;
  private final List<Topic> topics;
  private final int[] topicOf;
  private final float[] confidence;
  private final boolean[] reassigned;
  private final int initialNoise;
  private final int reassignedCount;
  private final TopicHierarchy hierarchy;
  private final ClassTfIdf keywords;
  private final TopicCentres centres;

  TopicModel(
      TopicData data,
      Clusters clusters,
      TopicOptions options,
      List<Topic> topics,
      int[] topicOf,
      float[] confidence,
      boolean[] reassigned,
      int initialNoise,
      TopicHierarchy hierarchy,
      ClassTfIdf keywords,
      TopicCentres centres) {
    this.data = data;
    this.clusters = clusters;
    this.options = options;
    this.topics = List.copyOf(topics);
    this.topicOf = topicOf;
    this.confidence = confidence;
    this.reassigned = reassigned;
    this.initialNoise = initialNoise;
    int moved = 0;
    for (boolean r : reassigned) {
      if (r) {
        moved++;
      }
    }
    this.reassignedCount = moved;
    this.hierarchy = hierarchy;
    this.keywords = keywords;
    this.centres = centres;
  }

  /** The topics, indexed by id. */
  public List<Topic> topics() {
    return topics;
  }

  /** Number of topics. */
  public int topicCount() {
    return topics.size();
  }

  /** The topic with this id. */
  public Topic topic(int id) {
    Objects.checkIndex(id, topics.size());
    return topics.get(id);
  }

  /** Number of papers. */
  public int paperCount() {
    return topicOf.length;
  }

  /** The topic of paper {@code ord}, or {@link ClusterMetric#NOISE} for an outlier. */
  public int topicOf(int ord) {
    return topicOf[ord];
  }

  /** The confidence of paper {@code ord} in its topic, in [0, 1] (see the class comment). */
  public float confidence(int ord) {
    return confidence[ord];
  }

  /** The topic and confidence of paper {@code ord}. */
  public TopicAssignment assignment(int ord) {
    return new TopicAssignment(topicOf[ord], confidence[ord]);
  }

  /** A copy of every paper's topic. */
  public int[] assignments() {
    return topicOf.clone();
  }

  /** Whether paper {@code ord} was noise in the clustering and moved to a topic. */
  public boolean isReassigned(int ord) {
    return reassigned[ord];
  }

  /** Papers left as outliers. */
  public int outlierCount() {
    int n = 0;
    for (int t : topicOf) {
      if (t == ClusterMetric.NOISE) {
        n++;
      }
    }
    return n;
  }

  /** Papers the clustering labelled noise. */
  public int initialOutlierCount() {
    return initialNoise;
  }

  /** Noise papers moved to a topic. */
  public int reassignedCount() {
    return reassignedCount;
  }

  /** The share of noise papers moved to a topic, in [0, 1] (0 when there was no noise). */
  public double reassignedShare() {
    return initialNoise == 0 ? 0 : (double) reassignedCount / initialNoise;
  }

  /** The topic hierarchy. */
  public TopicHierarchy hierarchy() {
    return hierarchy;
  }

  /** The options the model was fitted with. */
  public TopicOptions options() {
    return options;
  }

  /** The clustering the model was fitted on. */
  public Clusters clusters() {
    return clusters;
  }

  /** The papers, term counts and vectors the model was fitted on. */
  public TopicData data() {
    return data;
  }

  /** The class-based TF-IDF weights of topic {@code id}, by term ord of {@link TopicData#terms()}. */
  public SparseVector termWeights(int id) {
    Objects.checkIndex(id, topics.size());
    return keywords.weights(id);
  }

  /** Whether the model has topic centres (it was fitted with dense vectors). */
  public boolean hasCentres() {
    return centres != null;
  }

  /**
   * A copy of the centre of topic {@code id} (unit length).
   *
   * @throws IllegalStateException if the model was fitted without dense vectors
   */
  public float[] centre(int id) {
    requireCentres();
    Objects.checkIndex(id, topics.size());
    return centres.centre(id);
  }

  /** Cosine similarity of two topics' class-based TF-IDF vectors. */
  public double keywordSimilarity(int a, int b) {
    Objects.checkIndex(a, topics.size());
    Objects.checkIndex(b, topics.size());
    return keywords.cosine(a, b);
  }

  /**
   * The topic whose centre is most cosine-similar to {@code vector} (a dense vector of the space the
   * model was fitted in, e.g. a new paper's LSA vector), with that cosine as confidence; ties to the
   * lower id. For a k-means clustering (each paper nearest its own centre) a training paper predicts its
   * own topic; for other clusterings use {@link NeighbourVote}.
   *
   * @throws IllegalStateException if the model was fitted without dense vectors or has no topic
   * @throws IllegalArgumentException if the dimension differs
   */
  public TopicAssignment predict(float[] vector) {
    Objects.requireNonNull(vector, "vector");
    requireCentres();
    if (vector.length != centres.dimension()) {
      throw new IllegalArgumentException(
          "vector dimensions differ: " + vector.length + "!=" + centres.dimension());
    }
    double[] sims = new double[topics.size()];
    centres.similarities(vector, sims);
    return OutlierReassigner.best(sims, 0);
  }

  /**
   * The topic whose class-based TF-IDF vector is most cosine-similar to a paper's, from its term counts
   * over {@link TopicData#terms()}' vocabulary; that cosine is the confidence. An outlier (confidence 0)
   * when no term is known.
   *
   * @throws IllegalArgumentException if a term index is outside the vocabulary
   */
  public TopicAssignment predict(SparseVector termCounts) {
    Objects.requireNonNull(termCounts, "termCounts");
    int v = data.terms().termCount();
    if (termCounts.size() > 0 && termCounts.index(termCounts.size() - 1) >= v) {
      throw new IllegalArgumentException(
          "term index " + termCounts.index(termCounts.size() - 1) + " is outside the vocabulary of " + v + " terms");
    }
    double[] sims = new double[topics.size()];
    keywords.similarities(termCounts, sims);
    TopicAssignment a = OutlierReassigner.best(sims, 0);
    return a.confidence() > 0 ? a : TopicAssignment.OUTLIER;
  }

  /**
   * {@link #predict(SparseVector)} of a paper counted with the model's terms.
   *
   * @throws IllegalStateException if the terms were given as counts (no analyzer)
   */
  public TopicAssignment predict(Paper paper) {
    return predict(data.terms().count(paper));
  }

  private void requireCentres() {
    if (centres == null) {
      throw new IllegalStateException("this model was fitted without dense vectors: it has no topic centres");
    }
    if (topics.isEmpty()) {
      throw new IllegalStateException("this model has no topics");
    }
  }

  @Override
  public String toString() {
    return "TopicModel[topics=" + topics.size() + ", papers=" + topicOf.length + ", outliers=" + outlierCount() + "]";
  }
}
