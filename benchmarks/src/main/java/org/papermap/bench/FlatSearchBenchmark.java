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
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.vector.DenseVectors;

/** Exact dense top-10 over n clustered unit vectors: queries per second on one thread. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlatSearchBenchmark {
  @Param({"118024"})
  int n;

  @Param({"100", "256"})
  int dim;

  /** Noise around the cluster centres relative to their norm; larger is harder for HNSW. */
  @Param({"1.5"})
  double spread;

  private FlatIndex index;
  private float[][] queries;
  private int next;

  @Setup
  public void setup() {
    float[][] data = SyntheticData.clusteredDense(1, 2, n, dim, 200, spread);
    queries = SyntheticData.clusteredDense(1, 3, 256, dim, 200, spread);
    index = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    SearchResult r = index.search(data[5], 1, OrdFilter.ALL);
    if (r.ord(0) != 5) {
      throw new IllegalStateException("a stored vector must find itself first, got " + r.ord(0));
    }
  }

  @Benchmark
  public SearchResult search() {
    float[] q = queries[next];
    next = (next + 1) & 255;
    return index.search(q, 10, OrdFilter.ALL);
  }
}
