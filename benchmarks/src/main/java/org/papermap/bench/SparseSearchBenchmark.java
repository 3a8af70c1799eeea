package org.papermap.bench;

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
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Exact sparse top-10 ("related papers" for a document) on a Zipfian TF-IDF-shaped matrix of
 * arxiv-daily size; SampleTime gives the single-query latency distribution (p50, p99).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SparseSearchBenchmark {
  @Param({"118024"})
  int docs;

  @Param({"200000"})
  int terms;

  @Param({"80"})
  int nnz;

  private SparseIndex index;
  private SparseVector[] queries;
  private int next;

  @Setup
  public void setup() {
    SparseMatrix m = SyntheticData.zipfianTfIdf(11, docs, terms, nnz);
    index = SparseIndex.build(m, IndexOptions.DEFAULT);
    queries = new SparseVector[256];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = m.row((int) ((i * 2654435761L) % docs));
    }
    SearchResult r = index.search(queries[0], 1, OrdFilter.ALL);
    if (r.ord(0) != 0) {
      throw new IllegalStateException("a document must find itself first, got " + r.ord(0));
    }
    // How much pruning saves: docs whose score was completed (visitedCount) with k=10 versus all docs
    // sharing a term (k=docs never lets the pruning start).
    long admitted = 0;
    long all = 0;
    for (int i = 0; i < 64; i++) {
      admitted += index.search(queries[i], 10, OrdFilter.ALL).visitedCount();
      all += index.search(queries[i], docs, OrdFilter.ALL).visitedCount();
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "%n# docs=%d terms=%d nnz~%d: docs scored %.0f of %.0f sharing a term (%.1f%%) per query%n",
        docs, terms, nnz, admitted / 64.0, all / 64.0, 100.0 * admitted / all);
  }

  @Benchmark
  public SearchResult search() {
    SparseVector q = queries[next];
    next = (next + 1) & 255;
    return index.search(q, 10, OrdFilter.ALL);
  }
}
