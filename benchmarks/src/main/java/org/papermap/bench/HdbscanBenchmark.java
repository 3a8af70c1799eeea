package org.papermap.bench;

import java.io.IOException;
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
import org.papermap.cluster.MstAlgorithm;
import org.papermap.vector.DenseVectors;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;

/**
 * HDBSCAN on {@code n} L2-normalized LSA-{@code dim} vectors of arxiv-daily (see {@link HdbscanData}),
 * min_cluster_size 15, min_samples 5, euclidean: PaperMap exact and approximate (brute-force k-NN
 * graph) against Tribuo's {@code HdbscanTrainer} and Smile's {@code HDBSCAN} on the same rows, with
 * matching parameters ({@link HdbscanPeers}). The reference Python hdbscan 0.8.x ({@code
 * algorithm="generic"}) takes 37–43 s for n = 20,000, dim = 50 on the project machine.
 *
 * <p>Single-shot: one clustering is seconds to minutes. Smile builds an n×n double matrix (3.2 GB at n
 * = 20,000), hence the 6 GB heap. {@code parallelism} applies to PaperMap and Tribuo (its brute-force
 * neighbour queries); Smile runs on one thread. The setup checks once that PaperMap finds clusters.
 * Run on JDK 25 (Smile 6 class files): {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar
 * benchmarks/target/benchmarks.jar HdbscanBenchmark [-p vectors=/tmp/papermap-lsa/lsa-50]}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"},
    jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HdbscanBenchmark {
  @Param({"papermap", "papermap-approximate", "tribuo", "smile"})
  String impl;

  @Param({"20000"})
  int n;

  @Param({"50"})
  int dim;

  @Param({"15"})
  int minClusterSize;

  @Param({"5"})
  int minSamples;

  @Param({"1", "2"})
  int parallelism;

  /** Path prefix of a vector file from {@link LsaVectorsExport}; empty = compute LSA in setup. */
  @Param({""})
  String vectors;

  private DenseVectors dense;
  private double[][] doubles;
  private MutableDataset<ClusterID> tribuoData;

  @Setup
  public void setup() throws IOException {
    float[][] rows = HdbscanData.vectors(vectors, n, dim, 2);
    dense = DenseVectors.of(rows);
    doubles = HdbscanData.toDouble(rows);
    if (impl.equals("tribuo")) {
      tribuoData = HdbscanPeers.tribuoDataset(doubles);
    }
    if (impl.startsWith("papermap") && rows.length <= 2_000) {
      int[] labels = HdbscanPeers.papermap(dense, minClusterSize, minSamples, MstAlgorithm.EXACT, parallelism);
      if (java.util.Arrays.stream(labels).max().orElse(-1) < 0) {
        throw new IllegalStateException("no cluster found in " + rows.length + " rows: check the data");
      }
    }
  }

  @Benchmark
  public int[] cluster() {
    return switch (impl) {
      case "papermap" -> HdbscanPeers.papermap(dense, minClusterSize, minSamples, MstAlgorithm.EXACT, parallelism);
      case "papermap-approximate" ->
          HdbscanPeers.papermap(dense, minClusterSize, minSamples, MstAlgorithm.APPROXIMATE, parallelism);
      case "tribuo" -> HdbscanPeers.tribuo(tribuoData, minClusterSize, minSamples, parallelism);
      case "smile" -> HdbscanPeers.smile(doubles, minClusterSize, minSamples);
      default -> throw new IllegalArgumentException("impl must be papermap, papermap-approximate, tribuo or smile, got "
          + impl);
    };
  }
}
