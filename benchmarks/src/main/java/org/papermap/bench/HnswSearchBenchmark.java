package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.OrdFilter;
import org.papermap.index.SearchResult;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.vector.DenseVectors;

/**
 * Top-10 queries per second on one thread, PaperMap HNSW (float and int8) versus Lucene's HNSW, same
 * data, same M, efConstruction and search beam width. Setup prints recall@10 of each against exact
 * search (FlatIndex) over the same 500 queries, so speed is always read next to quality.
 *
 * <p>With {@code -p vectors=/tmp/papermap-lsa/lsa-100} the data are real: {@code <vectors>-base.fvecs.be}
 * is indexed and {@code <vectors>-queries.fvecs.be} (held out, not indexed) are the queries, as written
 * by {@link LsaVectorsExport}; {@code n} and {@code spread} are then ignored and {@code dim} must match
 * the file. Empty (the default) keeps the synthetic clustered data.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class HnswSearchBenchmark {
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

  @Param({"64"})
  int ef;

  /** Path prefix of real vector files (see class javadoc); empty = synthetic data. */
  @Param({""})
  String vectors;

  private HnswIndex papermap;
  private LuceneHnsw lucene;
  private float[][] queries;
  private int next;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    float[][] data;
    if (vectors.isEmpty()) {
      data = SyntheticData.clusteredDense(1, 2, n, dim, 200, spread);
      queries = SyntheticData.clusteredDense(1, 3, 500, dim, 200, spread);
    } else {
      data = VectorFile.read(Path.of(vectors + "-base.fvecs.be"));
      queries = VectorFile.read(Path.of(vectors + "-queries.fvecs.be"));
      VectorFile.checkDimension(data, dim, vectors + "-base.fvecs.be");
      VectorFile.checkDimension(queries, dim, vectors + "-queries.fvecs.be");
      System.out.printf(
          Locale.ROOT,
          "%n# vectors=%s base=%d (zero rows %d) queries=%d (zero rows %d) dim=%d%n",
          vectors, data.length, VectorFile.zeroRows(data), queries.length, VectorFile.zeroRows(queries), dim);
    }
    long t0 = System.nanoTime();
    if (impl.equals("lucene")) {
      lucene = new LuceneHnsw(data, m, efConstruction);
    } else {
      papermap =
          HnswIndex.build(
              DenseVectors.of(data),
              HnswOptions.builder()
                  .m(m)
                  .efConstruction(efConstruction)
                  .efSearch(ef)
                  .quantization(impl.equals("papermap-int8") ? HnswOptions.Quantization.INT8 : HnswOptions.Quantization.NONE)
                  .build());
    }
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    FlatIndex exact = FlatIndex.of(DenseVectors.of(data), IndexOptions.DEFAULT);
    int[][] truth = new int[queries.length][];
    for (int i = 0; i < queries.length; i++) {
      truth[i] = exact.search(queries[i], 10, OrdFilter.ALL).ords();
    }
    for (int sweepEf : new int[] {16, 32, 64, 100, 128, 200}) {
      double recall = 0;
      for (int i = 0; i < queries.length; i++) {
        int[] got = search(queries[i], sweepEf);
        int hit = 0;
        for (int t : truth[i]) {
          for (int g : got) {
            if (g == t) {
              hit++;
              break;
            }
          }
        }
        recall += hit / 10.0;
      }
      System.out.printf(
          Locale.ROOT,
          "%n# impl=%s n=%d dim=%d spread=%.2f M=%d efConstruction=%d ef=%d recall@10=%.4f build=%.1fs%s%n",
          impl, data.length, dim, spread, m, efConstruction, sweepEf, recall / queries.length, buildSeconds,
          vectors.isEmpty() ? "" : " vectors=" + vectors);
    }
  }

  private int[] search(float[] q, int beam) throws IOException {
    return lucene != null ? lucene.search(q, 10, beam) : papermap.search(q, 10, OrdFilter.ALL, beam).ords();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (lucene != null) {
      lucene.close();
    }
  }

  @Benchmark
  public Object search() throws IOException {
    float[] q = queries[next];
    next = (next + 1) % queries.length;
    return lucene != null ? lucene.search(q, 10, ef) : papermap.search(q, 10, OrdFilter.ALL, ef);
  }
}
