package org.papermap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.FlatIndex;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.TermContribution;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.internal.Parallel;
import org.papermap.internal.StepProgress;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.SparseVector;

/**
 * How a map answers one query, given the query's TF-IDF vector {@code q} and dense (LSA) vector {@code
 * v}: the representation's ranking, and for LSA and hybrid the pseudo-relevance feedback pass.
 *
 * <ol>
 *   <li>First pass: TF-IDF by the sparse index; LSA by the dense index; hybrid by {@code α·cos_tfidf +
 *       (1−α)·cos_lsa} over the union of both indexes' best {@code max(4k, 40)} ({@link HybridRanking}).
 *   <li>Feedback (LSA and hybrid, when {@link PaperMapOptions#feedbackPapers()} {@code m > 0}): the dense
 *       query becomes {@code normalize(v + w · mean of the dense vectors of the first pass's best m)} and
 *       the first pass runs again with it; the TF-IDF query stays as it is (expanding it too measured no
 *       better and costs a long sparse query). Rocchio (1971); as average query expansion, Chum et al.,
 *       ICCV 2007.
 * </ol>
 *
 * The dense vectors are the index's (neighbour-smoothed when the map was built so). The filter applies
 * to both passes, so an excluded paper is never feedback either.
 *
 * <p>Thread-safety: stateless; safe for concurrent queries on a map.
 */
final class MapQueries {
  /** The best ords and their scores, best first. */
  record Ranking(int[] ords, float[] scores) {}

  private MapQueries() {}

  static Ranking rank(MapParts p, Representation r, SparseVector q, float[] v, int k, OrdFilter filter) {
    if (r == Representation.TFIDF) {
      return of(p.sparse().search(q, k, filter));
    }
    if (p.dense() == null) {
      throw new IllegalStateException(
          "this map holds no LSA vectors (saved with representation TFIDF by an older PaperMap);"
              + " query it with TFIDF or rebuild it to use " + r);
    }
    int m = p.options().feedbackPapers();
    Ranking first = pass(p, r, q, v, m > 0 ? Math.max(k, m) : k, filter);
    if (m == 0 || first.ords().length == 0) {
      return first.ords().length > k ? truncate(first, k) : first;
    }
    float[] expanded = expand(p, v, first.ords(), Math.min(m, first.ords().length));
    return pass(p, r, q, expanded, k, filter);
  }

  private static Ranking pass(MapParts p, Representation r, SparseVector q, float[] v, int k, OrdFilter filter) {
    if (r == Representation.LSA) {
      return of(p.dense().search(v, k, filter));
    }
    int c = HybridRanking.candidates(k, p.corpus().size());
    int[] cand = HybridRanking.union(p.sparse().search(q, c, filter).ords(), p.dense().search(v, c, filter).ords());
    float[] s = new float[cand.length];
    double alpha = p.options().hybridWeight();
    DenseVectorStore store = store(p);
    float[] scratch = new float[store.dimension()];
    for (int i = 0; i < cand.length; i++) {
      float cosLsa = VectorUtil.dotProduct(v, store.vector(cand[i], scratch));
      s[i] = (float) (alpha * p.sparse().score(q, cand[i]) + (1 - alpha) * cosLsa);
    }
    int n = Math.min(k, cand.length);
    int[] ords = new int[n];
    float[] scores = new float[n];
    HybridRanking.topK(cand, s, ords, scores);
    return new Ranking(ords, scores);
  }

  /** {@code normalize(v + w · mean of the first m feedback papers' dense vectors)}. */
  static float[] expand(MapParts p, float[] v, int[] feedback, int m) {
    DenseVectorStore store = store(p);
    float[] scratch = new float[store.dimension()];
    double[] acc = new double[v.length];
    for (int i = 0; i < m; i++) {
      float[] u = store.vector(feedback[i], scratch);
      for (int j = 0; j < acc.length; j++) {
        acc[j] += u[j];
      }
    }
    double f = p.options().feedbackWeight() / m;
    float[] e = new float[v.length];
    boolean zero = true;
    for (int j = 0; j < e.length; j++) {
      e[j] = (float) (v[j] + f * acc[j]);
      zero &= e[j] == 0f;
    }
    return zero ? e : VectorUtil.l2normalize(e, false);
  }

  /** The dense vectors the index holds (smoothed ones when the map smooths). */
  static DenseVectorStore store(MapParts p) {
    if (p.dense() instanceof FlatIndex f) {
      return f.vectors();
    }
    return ((HnswIndex) p.dense()).vectors();
  }

  /** The dense vector of paper {@code ord}: its (smoothed) vector in the index. */
  static float[] paperVector(MapParts p, int ord) {
    DenseVectorStore store = store(p);
    return store.vector(ord, new float[store.dimension()]).clone();
  }

  /** Accepts every ord but {@code self} and the excluded ids' ords. */
  static OrdFilter filter(MapParts p, Set<String> excludeIds, int self) {
    if (excludeIds.isEmpty()) {
      return self < 0 ? OrdFilter.ALL : other -> other != self;
    }
    BitSet accept = new BitSet(p.corpus().size());
    accept.set(0, p.corpus().size());
    if (self >= 0) {
      accept.clear(self);
    }
    for (String id : excludeIds) {
      int ord = p.corpus().ord(id);
      if (ord >= 0) {
        accept.clear(ord);
      }
    }
    return OrdFilter.of(accept);
  }

  private static Ranking of(SearchResult r) {
    float[] s = new float[r.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.score(i);
    }
    return new Ranking(r.ords(), s);
  }

  private static Ranking truncate(Ranking r, int k) {
    return new Ranking(java.util.Arrays.copyOf(r.ords(), k), java.util.Arrays.copyOf(r.scores(), k));
  }

  /** The answers for ranked {@code ords}, with their shared terms when asked. */
  static List<PaperMap.Related> related(MapParts p, SparseVector q, int[] ords, float[] scores, int explainTerms) {
    List<PaperMap.Related> out = new ArrayList<>(ords.length);
    for (int i = 0; i < ords.length; i++) {
      out.add(new PaperMap.Related(p.corpus().id(ords[i]), ords[i], scores[i], explain(p, q, ords[i], explainTerms)));
    }
    return out;
  }

  private static List<PaperMap.TermWeight> explain(MapParts p, SparseVector q, int ord, int explainTerms) {
    if (explainTerms == 0) {
      return List.of();
    }
    List<TermContribution> c = p.sparse().explain(q, ord, explainTerms);
    List<PaperMap.TermWeight> out = new ArrayList<>(c.size());
    for (TermContribution t : c) {
      out.add(new PaperMap.TermWeight(p.tfidf().model().term(t.term()), t.contribution()));
    }
    return out;
  }

  static float[] scores(SearchResult r) {
    float[] s = new float[r.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.score(i);
    }
    return s;
  }

  /** Related papers of paper {@code ord} by {@code r}, as {@link PaperMap#related} answers them. */
  static List<PaperMap.Related> relatedTo(
      MapParts p, int ord, int k, int explainTerms, Representation r, OrdFilter filter) {
    SparseVector q = p.tfidf().matrix().row(ord);
    float[] v = r == Representation.TFIDF ? null : paperVector(p, ord);
    return query(p, r, q, v, k, explainTerms, filter);
  }

  /** The best {@code k} papers for the query vectors {@code q} (TF-IDF) and {@code v} (dense, or null). */
  static List<PaperMap.Related> query(
      MapParts p, Representation r, SparseVector q, float[] v, int k, int explainTerms, OrdFilter filter) {
    if (q.size() == 0) {
      // No known term: every similarity is 0, so no paper is related (rather than k arbitrary ones).
      return List.of();
    }
    Ranking ranking = rank(p, r, q, v, k, filter);
    return related(p, q, ranking.ords(), ranking.scores(), explainTerms);
  }

  /**
   * {@link #relatedTo} for every paper, in ord order: TF-IDF, and LSA without feedback, by their index's
   * all-pairs search; otherwise one query per paper on the map's threads (answers independent of them).
   */
  static List<List<PaperMap.Related>> relatedAll(
      MapParts p, int k, int explainTerms, Representation representation, ProgressListener progress) {
    int n = p.corpus().size();
    @SuppressWarnings("unchecked")
    List<PaperMap.Related>[] out = new List[n];
    boolean allPairs = representation == Representation.TFIDF
        || (representation == Representation.LSA && p.options().feedbackPapers() == 0 && p.dense() != null);
    if (allPairs) {
      List<SearchResult> all = representation == Representation.TFIDF
          ? p.sparse().neighbours(k, progress) : p.dense().neighbours(k, progress);
      for (SearchResult result : all) {
        int q = result.queryOrd();
        SparseVector qv = explainTerms > 0 ? p.tfidf().matrix().row(q) : null;
        out[q] = related(p, qv, result.ords(), scores(result), explainTerms);
      }
    } else {
      try (StepProgress step = StepProgress.begin(progress, "neighbours", n, "papers")) {
        Parallel.forRange(
            n, 64, p.options().parallelism(), null,
            (worker, from, to) -> {
              for (int ord = from; ord < to; ord++) {
                int self = ord;
                out[ord] = relatedTo(p, ord, k, explainTerms, representation, other -> other != self);
              }
              step.add(to - from);
            });
      }
    }
    return Arrays.asList(out);
  }
}
