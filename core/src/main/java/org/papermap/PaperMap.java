package org.papermap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.index.SparseIndex;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicModel;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfResult;

/**
 * The facade: builds a map of a corpus (TF-IDF, optionally LSA, and their indexes) and answers "which
 * papers are related to this one" and "which papers match this text".
 *
 * <p>Representations: {@link Representation#TFIDF} searches TF-IDF cosine exactly through a {@link
 * SparseIndex}; {@link Representation#LSA} searches LSA embeddings in a {@link org.papermap.index.FlatIndex} (exact) or an
 * {@link org.papermap.index.hnsw.HnswIndex}; {@link Representation#HYBRID} scores {@code α·cos_tfidf + (1−α)·cos_lsa} over the
 * union of the best {@code max(k·4, 40)} candidates of each. Explanations ("why related") always come from
 * TF-IDF: the shared terms that contribute most to the TF-IDF cosine.
 *
 * <p>{@code k} larger than the number of papers is taken as that number: the answer then lists every
 * paper that shares something with the query, and nothing is sized by {@code k} beyond the corpus.
 *
 * <p>Files: {@link #save} writes a map folder as one unit (a manifest listing every file with its
 * length and checksum; a crash leaves the old map or the new one), {@link #open} verifies it
 * (docs/map-folder.md). An opened map reads its dense vectors from memory-mapped files; {@link #close}
 * lets them go (the mapping is released when the garbage collector reclaims it).
 *
 * <p>Thread-safety: safe for concurrent reads ({@link #related}, {@link #search}) after build or open;
 * queries that run while {@link #close} is called finish normally, later ones throw {@link
 * IllegalStateException}.
 */
public final class PaperMap implements AutoCloseable {
  /** One related paper. {@code terms} is empty unless explanations were asked for. */
  public record Related(String id, int ord, float score, List<TermWeight> terms) {
    public Related {
      Objects.requireNonNull(id, "id");
      terms = List.copyOf(terms);
    }
  }

  /** A term and its contribution to the TF-IDF cosine of two papers. */
  public record TermWeight(String term, float contribution) {}

  // Null once closed; every query reads it once and works on that snapshot.
  private volatile MapParts parts;

  private PaperMap(MapParts parts) {
    this.parts = parts;
  }

  /**
   * Vectorizes and indexes {@code corpus}: TF-IDF and its sparse index, LSA (the dimension capped at
   * {@code min(papers, terms)} so that small corpora work with the default), the LSA vectors smoothed
   * over their nearest neighbours when {@link PaperMapOptions#smoothingNeighbours()} is set, and their
   * dense index. Whatever the default representation, the map can answer with any of them.
   *
   * @throws IllegalArgumentException if the corpus is empty
   */
  public static PaperMap build(Corpus corpus, PaperMapOptions options) {
    return build(corpus, options, ProgressListener.NONE);
  }

  /**
   * As {@link #build(Corpus, PaperMapOptions)}, reporting its steps ({@code tf-idf}, {@code sparse
   * index}, with LSA {@code lsa} and {@code flat index} or {@code hnsw index}) and notes to {@code
   * progress}. The map is the same with any listener.
   *
   * @throws IllegalArgumentException if the corpus is empty
   */
  public static PaperMap build(Corpus corpus, PaperMapOptions options, ProgressListener progress) {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("corpus must contain at least one paper");
    }
    return new PaperMap(MapBuilder.build(corpus, options, progress));
  }

  /**
   * Saves the map to {@code dir} (created if absent) as one unit: a manifest, the corpus, the TF-IDF
   * model and index and, with LSA, the LSA model and the dense index, written next to any map already
   * there and swapped in at once. A crash leaves the old map or the new one.
   *
   * @throws IOException naming the folder or file if {@code dir} holds files that are not part of a
   *     map, or writing fails (any previous map is then unchanged)
   * @throws IllegalStateException if the map is closed
   */
  public void save(Path dir) throws IOException {
    save(dir, ProgressListener.NONE);
  }

  /**
   * As {@link #save(Path)}, reporting the step {@code save} (in files written) to {@code progress}.
   *
   * @throws IOException as {@link #save(Path)}
   * @throws IllegalStateException if the map is closed
   */
  public void save(Path dir, ProgressListener progress) throws IOException {
    MapFolder.save(parts(), dir, Objects.requireNonNull(progress, "progress"));
  }

  /**
   * Opens a map written by {@link #save}, after checking every file against the manifest (length,
   * checksum, format, map id) and against each other. Vectors are not recomputed.
   *
   * @throws IOException naming the folder or file: not a map, a file missing, damaged, of an
   *     unsupported version ({@code org.papermap.io.FormatTooOldException}, {@code
   *     FormatTooNewException}) or from another map ({@code ForeignFileException})
   */
  public static PaperMap open(Path dir) throws IOException {
    return open(dir, ProgressListener.NONE);
  }

  /**
   * As {@link #open(Path)}, reporting the step {@code open} (in files read) to {@code progress}.
   *
   * @throws IOException as {@link #open(Path)}
   */
  public static PaperMap open(Path dir, ProgressListener progress) throws IOException {
    return new PaperMap(MapFolder.open(dir, Objects.requireNonNull(progress, "progress")));
  }

  /** Whether {@code dir} holds a saved map (of this or an older format). */
  public static boolean isMap(Path dir) {
    return MapFolder.isMap(dir);
  }

  /** Releases the map; later queries throw {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    parts = null;
  }

  private MapParts parts() {
    MapParts p = parts;
    if (p == null) {
      throw new IllegalStateException("the map is closed");
    }
    return p;
  }

  /** The papers, in ord order. */
  public Corpus corpus() {
    return parts().corpus();
  }

  /** The options that built this map. */
  public PaperMapOptions options() {
    return parts().options();
  }

  /** The TF-IDF model and matrix. */
  public TfIdfResult tfidf() {
    return parts().tfidf();
  }

  /** The LSA model; null only for a map saved with representation TFIDF by an older version. */
  public LsaModel lsa() {
    return parts().lsa();
  }

  /**
   * The topics of the papers (docs/topics.md, "Topics in the facade"), when {@code options().topics()} is
   * set (else {@link IllegalStateException}); an opened map fits them from its saved clustering on first use.
   */
  public TopicModel topics() {
    return MapTopics.model(parts());
  }

  /**
   * The topic of the paper {@code id} and its confidence (topic -1: an outlier).
   *
   * @throws IllegalArgumentException if no paper has this id ({@link IllegalStateException}: no topics)
   */
  public TopicAssignment topicOf(String id) {
    return MapTopics.topicOf(parts(), Objects.requireNonNull(id, "id"));
  }

  /**
   * The topic of a new paper from its {@code text} (title and abstract) as the fit would assign it; the
   * topics are not refitted.
   *
   * @throws IllegalArgumentException if {@code text} is blank ({@link IllegalStateException}: no topics)
   */
  public TopicAssignment topicOfText(String text) {
    return MapTopics.predict(parts(), Objects.requireNonNull(text, "text"));
  }

  /**
   * This map with topics fitted as {@code options} say, replacing any it has (a refit), reporting the
   * steps {@code k-means} or {@code hdbscan} and {@code topics}; the other parts are shared, this map is unchanged.
   *
   * @throws IllegalArgumentException if the map has no LSA vectors or the options do not fit the corpus
   */
  public PaperMap withTopics(MapTopicOptions options, ProgressListener progress) {
    MapParts p = parts();
    return new PaperMap(p.withTopics(MapTopics.fit(p, Objects.requireNonNull(options, "options"), progress)));
  }

  /**
   * This map with {@code papers} added after its own (ords {@code corpus().size()...}), nothing refitted
   * (docs/topics.md, "Adding papers"): their TF-IDF from the map's vocabulary and idf, their LSA vectors
   * folded in and smoothed as at build, both indexes holding them, and, when the map has topics, the topic
   * {@link #topicOfText} gives each; every other paper keeps its vectors and topic. Reports the steps
   * {@code vectorize}, the index steps, {@code smoothing} and {@code topics}; this map is unchanged. For a
   * refit on the grown corpus, call {@link #refit}.
   *
   * @throws IllegalArgumentException naming the paper if its id is already in the map or repeated
   */
  public PaperMap withPapers(java.util.Collection<Paper> papers, ProgressListener progress) {
    return new PaperMap(MapAdder.add(parts(), papers, Objects.requireNonNull(progress, "progress")));
  }

  /** {@link #withPapers(java.util.Collection, ProgressListener)} without progress. */
  public PaperMap withPapers(java.util.Collection<Paper> papers) {
    return withPapers(papers, ProgressListener.NONE);
  }

  /**
   * A new map built from this map's papers with its options: vocabulary, idf, LSA, indexes and topics all
   * fitted again (what {@link #build} does), e.g. after {@link #withPapers}; this map is unchanged.
   */
  public PaperMap refit(ProgressListener progress) {
    MapParts p = parts();
    return build(p.corpus(), p.options(), progress);
  }

  /** The {@code k} papers most related to the paper {@code id}, best first, itself excluded. */
  public List<Related> related(String id, int k) {
    return related(id, k, 0);
  }

  /** The {@code k} papers most related to the paper {@code id} by {@code representation}. */
  public List<Related> related(String id, int k, Representation representation) {
    Objects.requireNonNull(representation, "representation");
    return related(id, QueryOptions.builder().k(k).representation(representation).build());
  }

  /**
   * The {@code k} papers most related to the paper {@code id}, best first (ties to the lower ord), itself
   * excluded, each with its {@code explainTerms} most contributing shared terms.
   *
   * @throws IllegalArgumentException if no paper has this id, {@code k < 1} or {@code explainTerms < 0}
   */
  public List<Related> related(String id, int k, int explainTerms) {
    return related(id, new QueryOptions(k, null, explainTerms, Set.of()));
  }

  /**
   * The papers most related to the paper {@code id} as {@code options} ask, best first (ties to the lower
   * ord), itself and the excluded ids left out.
   *
   * @throws IllegalArgumentException if no paper has this id
   * @throws IllegalStateException if the map is closed, or holds no LSA vectors and LSA or hybrid is asked
   */
  public List<Related> related(String id, QueryOptions options) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(options, "options");
    MapParts p = parts();
    int ord = p.corpus().ord(id);
    if (ord < 0) {
      throw new IllegalArgumentException("no paper with id '" + id + "'");
    }
    return MapQueries.relatedTo(p, ord, options.k(), options.explainTerms(), representation(p, options.representation()),
        MapQueries.filter(p, options.excludeIds(), ord));
  }

  /** Like {@link #related(String, int, int)} by ord. */
  public List<Related> relatedTo(int ord, int k, int explainTerms) {
    MapParts p = parts();
    Objects.checkIndex(ord, p.corpus().size());
    checkK(k, explainTerms);
    return MapQueries.relatedTo(p, ord, k, explainTerms, p.options().representation(), other -> other != ord);
  }

  /** {@link #relatedAll(int, int, Representation)} by the map's default representation. */
  public List<List<Related>> relatedAll(int k, int explainTerms) {
    return relatedAll(k, explainTerms, parts().options().representation());
  }

  /** {@link #relatedAll(int, int, Representation, ProgressListener)} by the map's default representation. */
  public List<List<Related>> relatedAll(int k, int explainTerms, ProgressListener progress) {
    return relatedAll(k, explainTerms, parts().options().representation(), progress);
  }

  /**
   * {@link #relatedTo} for every paper by {@code representation}, in ord order, computed on {@code
   * options().parallelism()} threads; the answers do not depend on the thread count. TF-IDF, and LSA
   * without feedback, use their index's all-pairs search; otherwise one query per paper.
   *
   * @throws IllegalArgumentException if {@code k < 1} or {@code explainTerms < 0}
   */
  public List<List<Related>> relatedAll(int k, int explainTerms, Representation representation) {
    return relatedAll(k, explainTerms, representation, ProgressListener.NONE);
  }

  /**
   * As {@link #relatedAll(int, int, Representation)}, reporting the step {@code neighbours} to {@code
   * progress}.
   *
   * @throws IllegalArgumentException if {@code k < 1} or {@code explainTerms < 0}
   */
  public List<List<Related>> relatedAll(
      int k, int explainTerms, Representation representation, ProgressListener progress) {
    Objects.requireNonNull(representation, "representation");
    Objects.requireNonNull(progress, "progress");
    MapParts p = parts();
    checkK(k, explainTerms);
    return MapQueries.relatedAll(p, k, explainTerms, representation, progress);
  }

  /** The {@code k} papers that best match free {@code text}, best first. */
  public List<Related> search(String text, int k) {
    return search(text, k, 0);
  }

  /**
   * The {@code k} papers that best match free {@code text} by {@code representation}. {@link
   * Representation#TFIDF} keeps a query's specific words: a paper must share them to score, where LSA
   * and hybrid also find papers on the query's broader topic in other words (docs/related.md).
   */
  public List<Related> search(String text, int k, Representation representation) {
    Objects.requireNonNull(representation, "representation");
    return search(text, QueryOptions.builder().k(k).representation(representation).build());
  }

  /**
   * The {@code k} papers that best match free {@code text} (analysed like a paper's title and abstract),
   * best first, with their {@code explainTerms} most contributing shared terms.
   *
   * @throws IllegalArgumentException if {@code text} is blank, {@code k < 1} or {@code explainTerms < 0}
   */
  public List<Related> search(String text, int k, int explainTerms) {
    return search(text, new QueryOptions(k, null, explainTerms, Set.of()));
  }

  /**
   * The papers that best match free {@code text} as {@code options} ask, best first, the excluded ids
   * left out.
   *
   * @throws IllegalArgumentException if {@code text} is blank
   * @throws IllegalStateException if the map is closed, or holds no LSA vectors and LSA or hybrid is asked
   */
  public List<Related> search(String text, QueryOptions options) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    MapParts p = parts();
    Representation r = options.representation() == null ? p.options().searchRepresentation() : options.representation();
    SparseVector q = p.tfidf().model().transform(Paper.of("query", text, ""));
    float[] v = r == Representation.TFIDF || p.folding() == null ? null : p.folding().fold(q);
    return MapQueries.query(p, r, q, v, options.k(), options.explainTerms(), MapQueries.filter(p, options.excludeIds(), -1));
  }

  private static Representation representation(MapParts p, Representation asked) {
    return asked == null ? p.options().representation() : asked;
  }

  private static void checkK(int k, int explainTerms) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (explainTerms < 0) {
      throw new IllegalArgumentException("explainTerms must be >= 0, got " + explainTerms);
    }
  }

  @Override
  public String toString() {
    MapParts p = parts;
    if (p == null) {
      return "PaperMap[closed]";
    }
    return String.format(
        Locale.ROOT,
        "PaperMap[%d papers, %d terms, %s%s]",
        p.corpus().size(),
        p.tfidf().model().vocabulary().size(),
        p.options().representation(),
        p.lsa() == null ? "" : ", lsa " + p.lsa().dimensions());
  }
}
