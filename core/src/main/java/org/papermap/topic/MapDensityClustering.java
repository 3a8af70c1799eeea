package org.papermap.topic;

import java.util.Objects;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusterSelectionMethod;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.vector.DenseVectors;

/**
 * Density clustering of papers for topics, as BERTopic clusters a 5-D UMAP: HDBSCAN on a {@value
 * #DIMENSIONS}-D layout of the papers ({@link MapLayout} with minDist 0 over the {@value #NEIGHBOURS}-NN cosine
 * graph of their dense vectors), Euclidean, leaf selection, minClusterSize {@code max(5, n/100)}, minSamples
 * {@value #MIN_SAMPLES}, epsilon 0. HDBSCAN on the LSA vectors themselves left 42–86 % of the papers as noise on
 * the labelled sets; on the 2-D map 14–30 %; the 5-D layout with minSamples 15 raised the worst set's NMI − REF
 * from −0.021 to −0.007 over the 2-D map with minSamples 10, and NPMI on all four (docs/bench/topics.md, phase 3).
 * The facade's HDBSCAN topics and the quality drivers run this one code path.
 *
 * <p>Steps: (1) {@link #layout} the papers (seeded: identical for any thread count with an exact
 * neighbour provider); (2) {@link #cluster} it.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class MapDensityClustering {
  /** Neighbours of the layout's k-NN graph. */
  public static final int NEIGHBOURS = 15;
  /** HDBSCAN's minSamples on the 5-D layout. */
  public static final int MIN_SAMPLES = 15;
  /** Dimensions of the layout HDBSCAN clusters up to {@link #LARGE} papers (the report draws its own 2-D map). */
  public static final int DIMENSIONS = 5;
  /**
   * From this many papers on, the layout is 2-D with minSamples {@value #LARGE_MIN_SAMPLES} (the first route,
   * measured in phase 2/3): there HDBSCAN's tree is approximate, and on a 5-D layout of 118,024 papers its exact
   * reconnection of the k-NN forest took 86 s against about 30 s on the 2-D map, which put the topics of the
   * whole corpus past three minutes.
   */
  public static final int LARGE = Hdbscan.AUTO_EXACT_LIMIT;
  /** HDBSCAN's minSamples on the 2-D map of large corpora. */
  public static final int LARGE_MIN_SAMPLES = 10;

  private MapDensityClustering() {}

  /** The layout's dimensions for {@code papers} papers: {@value #DIMENSIONS}, or 2 from {@link #LARGE} on. */
  public static int dimensionsFor(int papers) {
    return papers < LARGE ? DIMENSIONS : 2;
  }

  /** HDBSCAN's minSamples for {@code papers} papers (before capping to the papers). */
  public static int minSamplesFor(int papers) {
    return papers < LARGE ? MIN_SAMPLES : LARGE_MIN_SAMPLES;
  }

  /** The automatic minimum cluster size for {@code papers} papers: {@code max(5, papers/100)}. */
  public static int minClusterSize(int papers) {
    return Math.max(5, papers / 100);
  }

  /**
   * The layout of {@code vectors} for clustering, in {@link #dimensionsFor} dimensions: {@link MapLayout} with
   * minDist 0 over their {@value #NEIGHBOURS}-NN graph (fewer when there are fewer papers) from {@code neighbours}.
   *
   * @return {@code n × dimensionsFor(n)} coordinates
   */
  public static double[][] layout(DenseVectors vectors, NeighbourProvider neighbours, long seed, int parallelism) {
    return layout(vectors, neighbours, seed, parallelism, dimensionsFor(vectors.size()));
  }

  /**
   * As {@link #layout(DenseVectors, NeighbourProvider, long, int)} in {@code dims} dimensions (for 2, the
   * coordinates of the report's kind of map with minDist 0).
   *
   * @param dims in [2, 16] ({@link MapLayout.Options#dimensions()})
   * @return {@code n × dims} coordinates
   */
  public static double[][] layout(
      DenseVectors vectors, NeighbourProvider neighbours, long seed, int parallelism, int dims) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(neighbours, "neighbours");
    MapLayout.Options o = MapLayout.Options.builder().minDist(0).seed(seed).parallelism(parallelism).dimensions(dims).build();
    KnnGraph graph = KnnGraph.build(vectors, neighbours, NEIGHBOURS);
    float[][] y = MapLayout.embed(vectors, graph, o);
    double[][] points = new double[vectors.size()][dims];
    for (int i = 0; i < points.length; i++) {
      for (int c = 0; c < dims; c++) {
        points[i][c] = y[c][i];
      }
    }
    return points;
  }

  /**
   * HDBSCAN's options on a map of {@code papers} points: Euclidean, leaf, epsilon 0, {@code minClusterSize}
   * and {@code minSamples} capped so that they fit the papers.
   *
   * @param minClusterSize {@code >= 2}
   * @param minSamples {@code >= 1}
   */
  public static Hdbscan.Options options(int papers, int minClusterSize, int minSamples, int parallelism) {
    return Hdbscan.Options.builder()
        .minClusterSize(Math.max(2, Math.min(minClusterSize, papers)))
        .minSamples(Math.max(1, Math.min(minSamples, papers - 1)))
        .metric(ClusterMetric.EUCLIDEAN)
        .selectionMethod(ClusterSelectionMethod.LEAF)
        .clusterSelectionEpsilon(0)
        .parallelism(parallelism)
        .build();
  }

  /**
   * HDBSCAN on the map {@code xy} with {@code options} (see {@link #options}).
   *
   * @throws IllegalArgumentException if there are fewer than 2 points
   */
  public static HdbscanResult cluster(double[][] xy, Hdbscan.Options options) {
    return Hdbscan.fit(xy, options);
  }
}
