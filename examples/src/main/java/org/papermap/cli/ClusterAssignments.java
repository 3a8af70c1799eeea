package org.papermap.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeansResult;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseVector;

/**
 * The output of {@code papermap cluster}: one JSON object per point, in input order, and the summary
 * line for stderr. HDBSCAN: {@code id, cluster (-1 = noise), probability, outlier_score}; k-means, which
 * has neither a membership model nor outlier scores: {@code id, cluster, distance} (to the centroid: 1 −
 * cosine for the cosine metric, Euclidean distance otherwise); then {@code title} when the points are
 * papers.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ClusterAssignments {
  private static final int SIZES_SHOWN = 20;

  private final JsonGenerator json;
  private final ClusterInput.Points points;
  private int[] sizes = new int[0];
  private int noise;

  ClusterAssignments(OutputStream out, ClusterInput.Points points) throws IOException {
    this.json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8);
    this.json.setRootValueSeparator(new SerializedString("\n"));
    this.points = points;
  }

  void hdbscan(HdbscanResult r) throws IOException {
    sizes = r.clusterSizes();
    noise = r.noiseCount();
    for (int i = 0; i < r.size(); i++) {
      json.writeStartObject();
      json.writeStringField("id", points.ids().get(i));
      json.writeNumberField("cluster", r.label(i));
      json.writeNumberField("probability", r.probability(i));
      json.writeNumberField("outlier_score", r.outlierScore(i));
      end(i);
    }
    finish();
  }

  void kmeans(KMeansResult r) throws IOException {
    sizes = r.sizes();
    noise = 0;
    for (int i = 0; i < r.n(); i++) {
      json.writeStartObject();
      json.writeStringField("id", points.ids().get(i));
      json.writeNumberField("cluster", r.label(i));
      json.writeNumberField("distance", distance(r, i));
      end(i);
    }
    finish();
  }

  private void end(int i) throws IOException {
    String title = points.title(i);
    if (title != null) {
      json.writeStringField("title", title);
    }
    json.writeEndObject();
  }

  private void finish() throws IOException {
    json.writeRaw('\n');
    json.flush();
  }

  /** Distance of point i to its centroid, in the metric of the fit. */
  private double distance(KMeansResult r, int i) {
    float[] c = r.centroid(r.label(i));
    double dot = 0;
    double xx = 0;
    double cc = 0;
    if (points.sparse() != null) {
      SparseVector x = points.sparse().row(i);
      for (int t = 0; t < x.size(); t++) {
        double v = x.value(t);
        dot += v * c[x.index(t)];
        xx += v * v;
      }
    } else {
      DenseVectors d = points.dense();
      float[] x = d.vector(i);
      for (int j = 0; j < x.length; j++) {
        dot += (double) x[j] * c[j];
        xx += (double) x[j] * x[j];
      }
    }
    for (float v : c) {
      cc += (double) v * v;
    }
    if (r.metric() == ClusterMetric.COSINE) {
      // A zero row has no direction: it is as far as an orthogonal one.
      return xx == 0 || cc == 0 ? 1.0 : 1.0 - dot / Math.sqrt(xx * cc);
    }
    return Math.sqrt(Math.max(0, xx - 2 * dot + cc));
  }

  /** "262 points in 7 clusters (hdbscan) -> OUT; sizes 60 45 ...; noise 33 (12.6%)". */
  String summary(String algorithm, String output) {
    int n = points.size();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d %s in %d cluster%s (%s) -> %s; sizes", n, n == 1 ? "point" : "points",
        sizes.length, sizes.length == 1 ? "" : "s", algorithm, "-".equals(output) ? "standard output" : output));
    for (int c = 0; c < Math.min(SIZES_SHOWN, sizes.length); c++) {
      sb.append(' ').append(sizes[c]);
    }
    if (sizes.length > SIZES_SHOWN) {
      sb.append(" … (").append(sizes.length - SIZES_SHOWN).append(" more)");
    }
    sb.append(String.format(Locale.ROOT, "; noise %d (%.1f%%)", noise, n == 0 ? 0.0 : 100.0 * noise / n));
    return sb.toString();
  }
}
