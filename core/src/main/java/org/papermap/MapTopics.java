package org.papermap;

import java.util.Objects;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.corpus.Paper;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.Clusters;
import org.papermap.topic.NeighbourVote;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicTerms;
import org.papermap.vector.SparseVector;

/**
 * The topics of a map: the options, the final clustering (after any merge down to a number of topics)
 * and the {@link TopicModel} fitted from it. The clustering is what a map folder stores ({@link
 * MapTopicsFile}); the model (keywords, centres, hierarchy) is fitted again from it, deterministically,
 * the first time it is asked for, so opening a map for related papers does not pay for topics.
 *
 * <p>Prediction for new text, consistent with the fit: k-means topics take the nearest topic centre
 * (each training paper is nearest its own centre); HDBSCAN topics take the similarity-weighted vote of
 * the {@value #VOTE_NEIGHBOURS} nearest papers ({@link NeighbourVote}: a training paper gets its own
 * topic), both on the LSA vector of the text.
 *
 * <p>Thread-safety: safe for concurrent use; the model is fitted once.
 */
final class MapTopics {
  static final int VOTE_NEIGHBOURS = 15;

  private final MapTopicOptions options;
  private final Clusters clusters;
  private final String choice;
  private final int fittedPapers;
  private TopicModel model; // guarded by this
  private NeighbourVote vote; // guarded by this

  MapTopics(MapTopicOptions options, Clusters clusters, String choice) {
    this(options, clusters, choice, clusters.size());
  }

  /**
   * @param fittedPapers the papers the clustering was fitted on (ords {@code 0..fittedPapers-1}); the others
   *     were added with a predicted topic ({@link MapAdder}), and then every label is final: the model is
   *     fitted without reassigning outliers, so no paper's topic moves
   */
  MapTopics(MapTopicOptions options, Clusters clusters, String choice, int fittedPapers) {
    this.options = Objects.requireNonNull(options, "options");
    this.clusters = Objects.requireNonNull(clusters, "clusters");
    this.choice = Objects.requireNonNull(choice, "choice");
    if (fittedPapers < 0 || fittedPapers > clusters.size()) {
      throw new IllegalArgumentException(
          "fittedPapers must be in [0, " + clusters.size() + "], got " + fittedPapers);
    }
    this.fittedPapers = fittedPapers;
  }

  /**
   * Clusters the map's papers and fits their topics, reporting the steps {@code k-means} (or {@code layout}
   * and {@code hdbscan}) and {@code topics}; how the number of topics was chosen is kept ({@link #choice}) and saved.
   *
   * @throws IllegalArgumentException as {@link TopicClustering#fit}
   */
  static MapTopics fit(MapParts p, MapTopicOptions o, ProgressListener progress) {
    Objects.requireNonNull(progress, "progress");
    TopicClustering.Result r = TopicClustering.fit(p, o, progress);
    MapTopics fitted = new MapTopics(o, r.clusters(), r.choice());
    TopicModel m = fitted.fitModel(p, progress);
    if (!o.isAuto() && o.algorithm() == MapTopicOptions.Algorithm.HDBSCAN && m.topicCount() > o.topics()) {
      m = TopicModeler.reduce(m, o.topics());
      String choice = r.choice() + ", merged to " + o.topics();
      fitted = new MapTopics(o, m.clusters(), choice);
    }
    fitted.setModel(m);
    return fitted;
  }

  MapTopicOptions options() {
    return options;
  }

  Clusters clusters() {
    return clusters;
  }

  /** How the number of topics was chosen ("k-means auto: k=20 at the knee of the objective (...)"). */
  String choice() {
    return choice;
  }

  /** The papers the clustering was fitted on; the rest were added with predicted topics. */
  int fittedPapers() {
    return fittedPapers;
  }

  /** Whether papers were added after the fit, which makes every label final. */
  boolean hasAddedPapers() {
    return fittedPapers < clusters.size();
  }

  /**
   * These topics over {@code model}'s papers followed by papers added with {@code added} (predicted)
   * assignments: every label and confidence is kept as final, nothing is clustered again.
   */
  MapTopics withAdded(TopicModel model, TopicAssignment[] added) {
    int n = model.paperCount();
    int[] labels = new int[n + added.length];
    float[] strengths = new float[labels.length];
    for (int i = 0; i < n; i++) {
      labels[i] = model.topicOf(i);
      strengths[i] = model.confidence(i);
    }
    for (int i = 0; i < added.length; i++) {
      labels[n + i] = added[i].topic();
      strengths[n + i] = added[i].confidence();
    }
    Clusters c = Clusters.of(labels, strengths);
    if (c.clusterCount() != model.topicCount()) {
      // A topic id can only vanish if the model had an empty topic, which TopicModeler never makes.
      throw new IllegalStateException("labels name " + c.clusterCount() + " topics, the model " + model.topicCount());
    }
    return new MapTopics(options, c, choice, fittedPapers);
  }

  /** The topic model of {@code p}'s papers, fitted on first use. */
  TopicModel fitted(MapParts p) {
    return fitted(p, ProgressListener.NONE);
  }

  /** As {@link #fitted(MapParts)}, reporting a first-use fit to {@code progress} (step {@code topics}). */
  synchronized TopicModel fitted(MapParts p, ProgressListener progress) {
    if (model == null) {
      model = fitModel(p, progress);
    }
    return model;
  }

  private synchronized void setModel(TopicModel m) {
    model = m;
  }

  private TopicModel fitModel(MapParts p, ProgressListener progress) {
    try (StepProgress step = StepProgress.begin(progress, "topics", 2, "steps")) {
      int threads = p.options().parallelism();
      TopicTerms terms =
          TopicTerms.count(p.corpus(), TopicTerms.defaultOptions().toBuilder().parallelism(threads).build());
      step.add(1);
      TopicData data = new TopicData(p.corpus(), terms, p.lsa() == null ? null : p.lsa().embeddings());
      // After an add every label is final: reassigning the remaining outliers again could move them.
      OutlierReassigner.Options outliers = hasAddedPapers() ? OutlierReassigner.Options.keep() : options.outliers();
      TopicOptions t = TopicOptions.builder().outliers(outliers).parallelism(threads).build();
      TopicModel m = TopicModeler.fit(data, clusters, t);
      step.add(1);
      return m;
    }
  }

  /** The topic model of {@code p}; throws {@link IllegalStateException} if it has no topics. */
  static TopicModel model(MapParts p) {
    return of(p).fitted(p);
  }

  /** The topic and confidence of the paper {@code id} of {@code p}. */
  static TopicAssignment topicOf(MapParts p, String id) {
    int ord = p.corpus().ord(id);
    if (ord < 0) {
      throw new IllegalArgumentException("no paper with id '" + id + "'");
    }
    return of(p).fitted(p).assignment(ord);
  }

  /** The topic of a new paper's text (an outlier when there is no topic or no known term). */
  static TopicAssignment predict(MapParts p, String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    MapTopics t = of(p);
    TopicModel m = t.fitted(p);
    if (m.topicCount() == 0) {
      return TopicAssignment.OUTLIER;
    }
    Paper paper = Paper.of("query", text, "");
    if (p.lsa() == null) {
      return m.predict(paper);
    }
    return predict(p, p.tfidf().model().transform(paper));
  }

  /**
   * The topic of a paper from its TF-IDF row {@code q} (the map's vocabulary), as the fit would assign it:
   * an outlier when it has no known term.
   */
  static TopicAssignment predict(MapParts p, SparseVector q) {
    MapTopics t = of(p);
    TopicModel m = t.fitted(p);
    if (m.topicCount() == 0 || q.size() == 0) {
      return TopicAssignment.OUTLIER;
    }
    float[] v = p.lsa().transform(q);
    if (t.options.algorithm() == MapTopicOptions.Algorithm.KMEANS) {
      return m.predict(v);
    }
    return t.vote(m).predict(v, Math.min(VOTE_NEIGHBOURS, m.paperCount()));
  }

  private static MapTopics of(MapParts p) {
    if (p.topics() == null) {
      throw new IllegalStateException("the map has no topics: build it with PaperMapOptions.topics or call withTopics");
    }
    return p.topics();
  }

  private synchronized NeighbourVote vote(TopicModel m) {
    if (vote == null) {
      vote = NeighbourVote.of(m, BruteForceNeighbours.serial());
    }
    return vote;
  }
}
