package org.papermap.topic;

import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.cluster.NeighbourQuery;
import org.papermap.cluster.Neighbours;
import org.papermap.vector.DenseVectors;

/**
 * Predicts the topic of a new paper by a similarity-weighted vote of its {@code k} nearest training
 * papers (cosine on the model's dense vectors; outliers vote for "outlier"), which follows any cluster
 * shape, where {@link TopicModel#predict(float[])} assumes a centroid clustering. Confidence = the
 * winner's share of the vote; ties go to the lower topic id. A query equal to a training paper's vector
 * (cosine ≥ 1 − 1e-6 with its nearest) gets that paper's topic and confidence, so every training paper
 * predicts its own topic.
 *
 * <p>Neighbours come from a {@link NeighbourProvider} (the interface clustering uses): {@code
 * BruteForceNeighbours} (exact) or an index-backed provider for large corpora.
 *
 * <p>Thread-safety: safe for concurrent predictions when the provider's queries are.
 */
public final class NeighbourVote {
  private static final double DUPLICATE_SIMILARITY = 1 - 1e-6;

  private final TopicModel model;
  private final NeighbourQuery query;
  private final int size;

  private NeighbourVote(TopicModel model, NeighbourQuery query, int size) {
    this.model = model;
    this.query = query;
    this.size = size;
  }

  /**
   * Indexes the model's training vectors (L2-normalized) with {@code provider}.
   *
   * @throws IllegalStateException if the model was fitted without dense vectors
   */
  public static NeighbourVote of(TopicModel model, NeighbourProvider provider) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    DenseVectors vectors = model.data().vectors();
    if (vectors == null) {
      throw new IllegalStateException("this model was fitted without dense vectors: nothing to vote with");
    }
    return new NeighbourVote(model, provider.index(UnitVectors.of(vectors), ClusterMetric.COSINE), vectors.size());
  }

  /**
   * The topic of {@code vector} (a dense vector of the model's space, any length) by its {@code k}
   * nearest training papers.
   *
   * @throws IllegalArgumentException if {@code k} is not in [1, papers] or the dimension differs
   */
  public TopicAssignment predict(float[] vector, int k) {
    Objects.requireNonNull(vector, "vector");
    if (k < 1 || k > size) {
      throw new IllegalArgumentException("k must be in [1, " + size + "], got " + k);
    }
    int d = model.data().vectors().dimension();
    if (vector.length != d) {
      throw new IllegalArgumentException("vector dimensions differ: " + vector.length + "!=" + d);
    }
    Neighbours nn = query.search(DenseVectors.of(new float[][] {UnitVectors.unit(vector)}), k);
    int topics = model.topicCount();
    if (UnitVectors.cosine(nn.distance(0, 0)) >= DUPLICATE_SIMILARITY) {
      return model.assignment(nn.ord(0, 0));
    }
    double[] votes = new double[topics + 1]; // last slot: outlier
    double total = 0;
    for (int j = 0; j < nn.k(); j++) {
      double w = Math.max(0, UnitVectors.cosine(nn.distance(0, j)));
      int t = model.topicOf(nn.ord(0, j));
      votes[t == ClusterMetric.NOISE ? topics : t] += w;
      total += w;
    }
    int best = 0;
    for (int c = 1; c < votes.length; c++) {
      if (votes[c] > votes[best]) {
        best = c;
      }
    }
    if (total == 0) {
      return TopicAssignment.OUTLIER;
    }
    float share = TopicAssignment.clip(votes[best] / total);
    return new TopicAssignment(best == topics ? ClusterMetric.NOISE : best, share);
  }
}
