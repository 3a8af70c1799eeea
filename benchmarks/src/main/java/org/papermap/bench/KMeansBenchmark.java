package org.papermap.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * One k-means fit (one restart, k-means++ seeding included) on seeded synthetic data of the shapes
 * PaperMap clusters: L2-normalized dense vectors around 200 Gaussian centres (an LSA stand-in) and
 * Zipfian TF-IDF rows. Spherical (COSINE) by default; {@code algorithm} pairs plain Lloyd with Elkan's and
 * Hamerly's bounds (same result), and MINI_BATCH. Seconds per fit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KMeansBenchmark -rf json}. For the comparison
 * with scikit-learn on real data see {@code benchmarks/scripts/kmeans_side_by_side.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class KMeansBenchmark {
  @Param({"20000"})
  int n;

  /** Odd sizes hit the SIMD tail loops. */
  @Param({"100", "207"})
  int dim;

  @Param({"50"})
  int k;

  @Param({"LLOYD", "ELKAN", "HAMERLY", "MINI_BATCH"})
  KMeans.Algorithm algorithm;

  @Param({"COSINE"})
  ClusterMetric metric;

  @Param({"1"})
  int parallelism;

  private DenseVectors dense;
  private SparseMatrix sparse;
  private KMeans.Options options;

  @Setup(Level.Trial)
  public void setup() {
    dense = DenseVectors.of(SyntheticData.clusteredDense(1, 2, n, dim, 200, 1.5));
    sparse = SyntheticData.zipfianTfIdf(3, n, 30_000, 80);
    options =
        KMeans.Options.builder().k(k).metric(metric).algorithm(algorithm).nInit(1).seed(5)
            .parallelism(parallelism).build();
    KMeansResult r = KMeans.fit(dense, options);
    if (r.n() != n || r.predict(dense.vector(17)) != r.label(17)) {
      throw new IllegalStateException("a training point must predict its own label");
    }
  }

  @Benchmark
  public KMeansResult dense() {
    return KMeans.fit(dense, options);
  }

  @Benchmark
  public KMeansResult sparse() {
    return KMeans.fit(sparse, options);
  }
}
