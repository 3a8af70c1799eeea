package org.papermap.examples;

import static org.apache.lucene.util.VectorUtil.dotProduct;

import java.io.IOException;
import java.nio.file.Path;
import org.papermap.PaperMapOptions;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.SilhouetteOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfVectorizer;

/**
 * The README's clustering example: spherical k-means of a corpus' LSA embeddings, the cluster sizes, the
 * paper nearest each centroid, and the silhouette. Keep this file and the README in sync (a test checks
 * the snippet); docs/cluster.md explains every option.
 */
public final class ClusteringExample {
  private ClusteringExample() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/data");
    // README:begin clustering
    Corpus corpus = CorpusReader.read(dir).corpus();
    SparseMatrix tfidf = new TfIdfVectorizer(PaperMapOptions.DEFAULT_TFIDF).fitTransform(corpus).matrix();
    DenseVectors lsa = LsaModel.fit(tfidf, Lsa.Options.ofDimensions(50)).embeddings(); // unit rows

    KMeansResult km = KMeans.fit(lsa, KMeans.Options.builder().k(6).seed(42).build()); // spherical k-means
    for (int c = 0; c < km.k(); c++) {
      float[] centroid = km.centroid(c);
      int nearest = -1; // the member closest to the centroid stands for the cluster
      for (int i = 0; i < corpus.size(); i++) {
        if (km.label(i) == c
            && (nearest < 0 || dotProduct(lsa.vector(i), centroid) > dotProduct(lsa.vector(nearest), centroid))) {
          nearest = i;
        }
      }
      System.out.printf("cluster %d: %3d papers, e.g. %s%n", c, km.size(c), corpus.get(nearest).title());
    }
    System.out.printf("silhouette %.3f%n",
        ClusteringMetrics.silhouette(lsa, km.labels(), SilhouetteOptions.of(ClusterMetric.COSINE)));
    // README:end clustering
  }
}
