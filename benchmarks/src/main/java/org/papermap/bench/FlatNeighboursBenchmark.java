package org.papermap.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.papermap.index.SearchResult;
import org.papermap.vector.DenseVectors;

/**
 * Exact all-pairs k nearest neighbours of n unit vectors (the neighbour smoothing of a map build):
 * {@code tiles} = {@link FlatIndex#neighbours} (tiled SIMD scoring, then rescoring), {@code scan} = one
 * {@link FlatIndex#search} per vector on the same threads (how neighbours worked before the tiles).
 * Single shot per iteration; both answer the same lists. Usage: {@code java -jar benchmarks.jar
 * FlatNeighboursBenchmark -p n=20000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FlatNeighboursBenchmark {
  @Param({"20000"})
  int n;

  @Param({"70"})
  int dim;

  @Param({"20"})
  int k;

  @Param({"2"})
  int parallelism;

  @Param({"tiles", "scan"})
  String impl;

  private FlatIndex index;
  private float[][] data;

  @Setup
  public void setup() {
    data = SyntheticData.clusteredDense(1, 2, n, dim, 200, 1.5);
    index = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT.withParallelism(parallelism));
  }

  @Benchmark
  public List<SearchResult> neighbours() throws Exception {
    if (impl.equals("tiles")) {
      return index.neighbours(k);
    }
    var pool = new java.util.concurrent.ForkJoinPool(parallelism);
    try {
      return pool.submit(() -> IntStream.range(0, n).parallel()
          .mapToObj(q -> index.search(data[q], k, ord -> ord != q)).toList()).get();
    } finally {
      pool.shutdown();
    }
  }
}
