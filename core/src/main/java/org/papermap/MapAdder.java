package org.papermap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicModel;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfResult;

/**
 * The steps of {@link PaperMap#withPapers}: new papers enter a map without refitting anything.
 *
 * <ol>
 *   <li><b>check</b>: ids new and distinct (the error names the paper and the rule);
 *   <li><b>vectorize</b>: TF-IDF rows from the map's vocabulary and idf (unknown terms are ignored), their
 *       LSA vectors folded in on the map's basis;
 *   <li><b>smooth</b>: each new LSA vector smoothed over its nearest papers as the build smooths (exact
 *       neighbours among all raw LSA vectors); the existing papers' vectors are not touched;
 *   <li><b>index</b>: the sparse and dense indexes rebuilt over the stored rows plus the new ones (an
 *       opened map's indexes are read-only, and the map this one came from must stay as it was);
 *   <li><b>topics</b>: each new paper gets the topic {@link PaperMap#topicOfText} would give it; every other
 *       paper keeps its topic.
 * </ol>
 *
 * The cost is linear in the map (the indexes are rebuilt), so papers are best added in batches.
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class MapAdder {
  private MapAdder() {}

  /**
   * {@code p} with {@code papers} appended at ords {@code p.corpus().size()...}.
   *
   * @throws IllegalArgumentException if a paper's id is already in the map or repeated among {@code papers}
   */
  static MapParts add(MapParts p, Collection<Paper> papers, ProgressListener progress) {
    List<Paper> added = checkIds(p.corpus(), papers);
    if (added.isEmpty()) {
      return p;
    }
    List<Paper> all = new ArrayList<>(p.corpus().size() + added.size());
    all.addAll(p.corpus());
    all.addAll(added);
    Corpus corpus = Corpus.of(all);
    SparseMatrix rows;
    DenseVectors folded = null;
    try (StepProgress step = StepProgress.begin(progress, "vectorize", added.size(), "papers")) {
      rows = p.tfidf().model().transform(added);
      if (p.lsa() != null) {
        folded = p.lsa().transform(rows);
      }
      step.add(added.size());
    }
    TfIdfResult tfidf = new TfIdfResult(p.tfidf().model(), SparseMatrix.stack(p.tfidf().matrix(), rows));
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(p.options().parallelism());
    SparseIndex sparse = SparseIndex.build(tfidf.matrix(), indexOptions, progress);
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    if (p.lsa() != null) {
      lsa = p.lsa().withAppendedEmbeddings(folded);
      dense = MapBuilder.denseIndex(
          storedPlus(p.dense(), smooth(lsa, p.corpus().size(), p.options(), progress)), p.options(), progress);
    }
    MapParts out = new MapParts(p.options().toBuilder().topics(null).build(), corpus, tfidf, sparse, lsa, dense);
    if (p.topics() == null) {
      return out;
    }
    return out.withTopics(topics(p, added, rows, progress));
  }

  private static List<Paper> checkIds(Corpus corpus, Collection<Paper> papers) {
    Objects.requireNonNull(papers, "papers");
    List<Paper> list = new ArrayList<>(papers.size());
    int i = 0;
    for (Paper paper : papers) {
      if (paper == null) {
        throw new IllegalArgumentException("papers[" + i + "] is null");
      }
      int ord = corpus.ord(paper.id());
      if (ord >= 0) {
        throw new IllegalArgumentException("papers[" + i + "]: id '" + paper.id()
            + "' is already in the map (ord " + ord + "); ids must be unique");
      }
      list.add(paper);
      i++;
    }
    return list; // duplicates among the new papers: Corpus.of of the whole map names both
  }

  /**
   * The smoothed vectors of the papers from {@code first} on, each over its nearest other papers among all
   * of {@code lsa}'s (raw) embeddings, as {@link NeighbourSmoothing} does at build.
   */
  private static DenseVectors smooth(LsaModel lsa, int first, PaperMapOptions options, ProgressListener progress) {
    DenseVectors raw = lsa.embeddings();
    int m = raw.size() - first;
    float[][] out = new float[m][];
    int k = options.smoothingNeighbours();
    if (k == 0 || raw.size() < 2) {
      for (int i = 0; i < m; i++) {
        out[i] = raw.vector(first + i).clone();
      }
      return DenseVectors.of(out);
    }
    FlatIndex exact = FlatIndex.of(raw, IndexOptions.DEFAULT.withParallelism(options.parallelism()));
    try (StepProgress step = StepProgress.begin(progress, "smoothing", m, "papers")) {
      for (int i = 0; i < m; i++) {
        int self = first + i;
        SearchResult r = exact.search(raw.vector(self), k, ord -> ord != self);
        int[] ords = new int[r.size()];
        for (int j = 0; j < ords.length; j++) {
          ords[j] = r.ord(j);
        }
        out[i] = NeighbourSmoothing.smoothOne(raw.vector(self), ords, raw, options.smoothingWeight());
        step.add(1);
      }
    }
    return DenseVectors.of(out);
  }

  /** The vectors a dense index holds, in ord order, followed by {@code added}. */
  private static DenseVectors storedPlus(VectorIndex<float[]> index, DenseVectors added) {
    DenseVectorStore store = index instanceof HnswIndex h ? h.vectors() : ((FlatIndex) index).vectors();
    float[][] rows = new float[store.size() + added.size()][];
    for (int i = 0; i < store.size(); i++) {
      rows[i] = store.vector(i, new float[store.dimension()]); // a heap store returns its own row: copied by of()
    }
    for (int i = 0; i < added.size(); i++) {
      rows[store.size() + i] = added.vector(i);
    }
    return DenseVectors.of(rows);
  }

  /** The old map's topics followed by the predicted topics of the {@code added} papers. */
  private static MapTopics topics(MapParts p, List<Paper> added, SparseMatrix rows, ProgressListener progress) {
    TopicModel model = p.topics().fitted(p, progress); // an opened map fits its model on first use
    TopicAssignment[] predicted = new TopicAssignment[added.size()];
    try (StepProgress step = StepProgress.begin(progress, "topics", added.size(), "papers")) {
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = p.lsa() == null ? model.predict(added.get(i)) : MapTopics.predict(p, rows.row(i));
        step.add(1);
      }
    }
    return p.topics().withAdded(model, predicted);
  }
}
