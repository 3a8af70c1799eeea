package org.papermap.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Exact sparse top-10, ours against Lucene 10's own top-k search, same data, same queries, same run (issue
 * 8). Data as {@link SparseSearchRealBenchmark}: all arxiv-daily papers but {@code heldOut} (the same seeded
 * sample) are vectorized with the facade's default TF-IDF ({@code tfidf=default}) or the issue-4 one
 * ({@code tfidf=minDf2-maxDf0.5}); the held-out papers' vectors are the queries, cycled by index. {@code
 * impl=papermap}: {@link SparseIndex#search}; {@code impl=lucene}: {@link LuceneSparse} (the same weights
 * as custom term frequencies, block-max pruning, total hits not counted). Setup checks that both return the
 * same top 10 for every query (positions may differ only between scores within 1e-5, the quantization of
 * the Lucene side) and prints the count of identical lists.
 *
 * <p>{@code java -jar benchmarks.jar SparseSearchPeerBenchmark -f 1 -wi 2 -i 10 -rf json}
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SparseSearchPeerBenchmark {
  @Param({"2147483647"})
  int docs;

  @Param({"1000"})
  int heldOut;

  @Param({"10"})
  int k;

  @Param({"papermap", "lucene"})
  String impl;

  @Param({"default"})
  String tfidf;

  private SparseIndex index;
  private LuceneSparse lucene;
  private SparseVector[] queries;
  private Query[] luceneQueries;
  private int next;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Corpus all = BenchData.load(docs);
    if (all.size() <= heldOut) {
      throw new IllegalStateException("need more than heldOut=" + heldOut + " papers, got " + all.size());
    }
    boolean[] held = new boolean[all.size()];
    SplittableRandom rnd = new SplittableRandom(20240401L); // as SparseSearchRealBenchmark
    for (int chosen = 0; chosen < heldOut; ) {
      int o = rnd.nextInt(all.size());
      if (!held[o]) {
        held[o] = true;
        chosen++;
      }
    }
    List<Paper> train = new ArrayList<>(all.size() - heldOut);
    List<Paper> test = new ArrayList<>(heldOut);
    for (int i = 0; i < all.size(); i++) {
      (held[i] ? test : train).add(all.get(i));
    }
    TfIdfOptions opts = switch (tfidf) {
      case "default" -> PaperMapOptions.DEFAULT_TFIDF;
      case "minDf2-maxDf0.5" -> TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).build();
      default -> throw new IllegalArgumentException("tfidf must be default or minDf2-maxDf0.5, got " + tfidf);
    };
    var fit = new TfIdfVectorizer(opts.toBuilder().parallelism(2).build()).fitTransform(Corpus.of(train));
    SparseMatrix m = fit.matrix();
    queries = new SparseVector[heldOut];
    luceneQueries = new Query[heldOut];
    for (int i = 0; i < heldOut; i++) {
      queries[i] = fit.model().transform(test.get(i));
      luceneQueries[i] = LuceneSparse.query(queries[i]);
    }
    index = SparseIndex.build(m, IndexOptions.DEFAULT);
    lucene = new LuceneSparse(m);
    check();
    if (!impl.equals("lucene")) {
      lucene.close();
      lucene = null;
    }
    System.out.printf(Locale.ROOT, "%n# indexed %d papers, %d terms, nnz %d; %d held-out queries; impl %s%n",
        m.rows(), m.cols(), m.nnz(), heldOut, impl);
  }

  /** Both sides agree on every query's top k; differences only among scores equal within 1e-5. */
  private void check() throws IOException {
    int identical = 0;
    for (int i = 0; i < queries.length; i++) {
      SearchResult ours = index.search(queries[i], k, OrdFilter.ALL);
      TopDocs theirs = lucene.search(luceneQueries[i], k);
      if (ours.size() != theirs.scoreDocs.length) {
        throw new IllegalStateException("query " + i + ": " + ours.size() + " hits vs Lucene's " + theirs.scoreDocs.length);
      }
      boolean same = true;
      for (int j = 0; j < ours.size(); j++) {
        float diff = Math.abs(ours.score(j) - theirs.scoreDocs[j].score);
        if (diff > 1e-5f) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "query %d rank %d: ours ord %d score %.7f, Lucene doc %d score %.7f", i, j, ours.ord(j),
              ours.score(j), theirs.scoreDocs[j].doc, theirs.scoreDocs[j].score));
        }
        same &= ours.ord(j) == theirs.scoreDocs[j].doc;
      }
      identical += same ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "%n# top-%d check: %d of %d lists identical in order; the rest differ only"
        + " between scores equal within 1e-5%n", k, identical, queries.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (lucene != null) {
      lucene.close();
    }
  }

  @Benchmark
  public Object search() throws IOException {
    int i = next;
    next = next + 1 == queries.length ? 0 : next + 1;
    return lucene != null ? lucene.search(luceneQueries[i], k) : index.search(queries[i], k, OrdFilter.ALL);
  }
}
