package org.papermap.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.papermap.vector.DenseVectors;

/** The hdbscan 0.8.33 goldens under golden/cluster/hdbscan: inputs and expected outputs. */
final class GoldenCases {
  static final String DIR = "/golden/cluster/hdbscan/";
  static final List<String> DATASETS = List.of("blobs-50d", "blobs-noise-2d", "blobs-varied-10d", "moons-2d");
  static final List<String> SETTINGS = List.of("mcs5.ms1", "mcs10.ms10", "mcs15.ms5");
  static final List<String> METHODS = List.of("eom", "leaf");
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenCases() {}

  /** One golden case. */
  record Case(String name, String dataset, int minClusterSize, int minSamples, ClusterSelectionMethod method,
      int clusters, int[] labels, double[] probabilities, double[] outlierScores) {}

  static List<String> caseNames() {
    List<String> names = new ArrayList<>();
    for (String d : DATASETS) {
      for (String s : SETTINGS) {
        for (String m : METHODS) {
          names.add(d + "." + s + "." + m);
        }
      }
    }
    return names;
  }

  static Case load(String name) {
    try (InputStream in = open(DIR + name + ".json")) {
      JsonNode j = JSON.readTree(in);
      String input = j.get("input").asText();
      return new Case(name, input.substring(0, input.length() - ".csv".length()), j.get("min_cluster_size").asInt(),
          j.get("min_samples").asInt(),
          ClusterSelectionMethod.valueOf(j.get("cluster_selection_method").asText().toUpperCase(java.util.Locale.ROOT)),
          j.get("clusters").asInt(), ints(j.get("labels")), doubles(j.get("probabilities")),
          doubles(j.get("outlier_scores")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dataset as floats (for the DenseVectors path). */
  static DenseVectors vectors(String dataset) {
    double[][] p = points(dataset);
    float[][] f = new float[p.length][];
    for (int i = 0; i < p.length; i++) {
      f[i] = new float[p[i].length];
      for (int j = 0; j < f[i].length; j++) {
        f[i][j] = (float) p[i][j];
      }
    }
    return DenseVectors.of(f);
  }

  /** The dataset as the reference read it: doubles. */
  static double[][] points(String dataset) {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(DIR + dataset + ".csv"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          v[i] = Double.parseDouble(f[i].trim());
        }
        rows.add(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.toArray(new double[0][]);
  }

  private static InputStream open(String path) {
    InputStream in = GoldenCases.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + path);
    }
    return in;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
