package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
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
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

/**
 * Time to build an HNSW graph over n clustered unit vectors, PaperMap versus Lucene's own HNSW at the
 * same M and beam width (efConstruction), single-threaded. With {@code -p vectors=<prefix>} the
 * indexed rows are {@code <prefix>-base.fvecs.be} (see {@link LsaVectorsExport}) instead of synthetic
 * data; {@code n} and {@code spread} are then ignored and {@code dim} must match the file.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HnswBuildBenchmark {
  @Param({"papermap", "papermap-int8", "lucene"})
  String impl;

  @Param({"118024"})
  int n;

  @Param({"100", "256"})
  int dim;

  /** Noise around the cluster centres relative to their norm; larger is harder for HNSW. */
  @Param({"1.5"})
  double spread;

  @Param({"16"})
  int m;

  @Param({"100"})
  int efConstruction;

  @Param({"1"})
  int parallelism;

  /** Path prefix of real vector files; empty = synthetic data. */
  @Param({""})
  String vectors;

  private float[][] data;
  private DenseVectors dense;

  @Setup
  public void setup() throws IOException {
    if (vectors.isEmpty()) {
      data = SyntheticData.clusteredDense(1, 2, n, dim, 200, spread);
    } else {
      data = VectorFile.read(Path.of(vectors + "-base.fvecs.be"));
      VectorFile.checkDimension(data, dim, vectors + "-base.fvecs.be");
    }
    dense = DenseVectors.of(data);
  }

  @Benchmark
  public Object build() throws IOException {
    if (impl.equals("lucene")) {
      try (LuceneHnsw l = new LuceneHnsw(data, m, efConstruction)) {
        return l;
      }
    }
    HnswOptions o =
        HnswOptions.builder()
            .m(m)
            .efConstruction(efConstruction)
            .parallelism(parallelism)
            .quantization(impl.equals("papermap-int8") ? HnswOptions.Quantization.INT8 : HnswOptions.Quantization.NONE)
            .build();
    return HnswIndex.build(dense, o);
  }
}
