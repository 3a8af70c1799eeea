package org.papermap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfModel;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Single-query latency of exact sparse top-10 on real abstracts: all arxiv-daily papers but
 * {@code heldOut} (a seeded sample) are vectorized with our default TF-IDF ({@code
 * TfIdfOptions.builder()}, minDf 2, maxDf 0.5) and indexed; the queries are the held-out
 * papers' vectors from {@link TfIdfModel#transform(Paper)}, built in {@link #setup()} and cycled by
 * index. SampleTime gives p50 / p99 per query, one thread.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SparseSearchRealBenchmark {
  /** Papers read from arxiv-daily (all of them by default). */
  @Param({"2147483647"})
  int docs;

  @Param({"1000"})
  int heldOut;

  @Param({"10"})
  int k;

  private SparseIndex index;
  private SparseVector[] queries;
  private int next;

  @Setup
  public void setup() {
    Corpus all = BenchData.load(docs);
    if (all.size() <= heldOut) {
      throw new IllegalStateException("need more than heldOut=" + heldOut + " papers, got " + all.size());
    }
    // A seeded sample of held-out ords, so the queries are the same in every run.
    boolean[] held = new boolean[all.size()];
    SplittableRandom rnd = new SplittableRandom(20240401L);
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
    TfIdfOptions opts =
        TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).parallelism(2).build();
    var fit = new TfIdfVectorizer(opts).fitTransform(Corpus.of(train));
    SparseMatrix m = fit.matrix();
    index = SparseIndex.build(m, IndexOptions.DEFAULT);
    queries = new SparseVector[heldOut];
    for (int i = 0; i < heldOut; i++) {
      queries[i] = fit.model().transform(test.get(i));
    }
    System.out.printf(java.util.Locale.ROOT, "%n# indexed %d papers, %d terms, nnz %d; %d held-out queries%n",
        m.rows(), m.cols(), m.nnz(), heldOut);
  }

  @Benchmark
  public void search(Blackhole bh) {
    SparseVector q = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    SearchResult r = index.search(q, k, OrdFilter.ALL);
    bh.consume(r);
  }
}
