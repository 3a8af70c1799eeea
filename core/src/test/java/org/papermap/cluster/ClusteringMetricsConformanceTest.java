package org.papermap.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.papermap.cluster.ClusteringMetrics.Average;
import org.papermap.vector.DenseVectors;

/**
 * Every score of {@code golden/cluster/metrics.json} (scikit-learn 1.2.1 {@code sklearn.metrics} on fixed
 * label pairs, and on points for the internal scores, computed on the predicted labels) to 1e-9.
 */
class ClusteringMetricsConformanceTest {
  private static final double TOLERANCE = 1e-9;
  private static JsonNode cases;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ClusteringMetricsConformanceTest.class.getResourceAsStream("/golden/cluster/metrics.json")) {
      JsonNode golden = new ObjectMapper().readTree(in);
      assertEquals("scikit-learn 1.2.1", golden.get("library").asText());
      cases = golden.get("cases");
    }
  }

  private record Case(String name, int[] truth, int[] pred, double[][] points, JsonNode expected) {}

  private static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (JsonNode c : cases) {
      double[][] points = null;
      if (c.has("points")) {
        JsonNode p = c.get("points");
        points = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
          points[i] = new double[p.get(i).size()];
          for (int j = 0; j < points[i].length; j++) {
            points[i][j] = p.get(i).get(j).asDouble();
          }
        }
      }
      out.add(new Case(c.get("name").asText(), ints(c.get("truth")), ints(c.get("pred")), points, c));
    }
    return out;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static DynamicTest check(Case c, String key, ToDoubleFunction<Case> score) {
    return DynamicTest.dynamicTest(
        c.name + " " + key,
        () -> assertEquals(c.expected.get(key).asDouble(), score.applyAsDouble(c), TOLERANCE, c.name + " " + key));
  }

  @TestFactory
  List<DynamicTest> givenScikitLearnGolden_whenScoringEachCase_thenEveryExternalScoreAgreesTo1e9() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : all()) {
      tests.add(check(c, "adjusted_rand", x -> ClusteringMetrics.adjustedRandIndex(x.truth, x.pred)));
      tests.add(check(c, "rand", x -> ClusteringMetrics.randIndex(x.truth, x.pred)));
      tests.add(check(c, "nmi_arithmetic", x -> ClusteringMetrics.normalizedMutualInformation(x.truth, x.pred)));
      tests.add(check(c, "nmi_geometric",
          x -> ClusteringMetrics.normalizedMutualInformation(x.truth, x.pred, Average.GEOMETRIC)));
      tests.add(check(c, "ami_arithmetic", x -> ClusteringMetrics.adjustedMutualInformation(x.truth, x.pred)));
      tests.add(check(c, "mutual_info", x -> ClusteringMetrics.mutualInformation(x.truth, x.pred)));
      tests.add(check(c, "homogeneity", x -> ClusteringMetrics.homogeneity(x.truth, x.pred)));
      tests.add(check(c, "completeness", x -> ClusteringMetrics.completeness(x.truth, x.pred)));
      tests.add(check(c, "v_measure", x -> ClusteringMetrics.vMeasure(x.truth, x.pred)));
      tests.add(check(c, "fowlkes_mallows", x -> ClusteringMetrics.fowlkesMallows(x.truth, x.pred)));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> givenScikitLearnGolden_whenComparingAtOnce_thenTheRecordHoldsTheSameScores() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : all()) {
      ExternalScores s = ClusteringMetrics.compare(c.truth, c.pred, NoiseHandling.AS_LABEL);
      tests.add(check(c, "adjusted_rand", x -> s.adjustedRandIndex()));
      tests.add(check(c, "rand", x -> s.randIndex()));
      tests.add(check(c, "nmi_arithmetic", x -> s.nmiArithmetic()));
      tests.add(check(c, "nmi_geometric", x -> s.nmiGeometric()));
      tests.add(check(c, "ami_arithmetic", x -> s.amiArithmetic()));
      tests.add(check(c, "mutual_info", x -> s.mutualInformation()));
      tests.add(check(c, "homogeneity", x -> s.homogeneity()));
      tests.add(check(c, "completeness", x -> s.completeness()));
      tests.add(check(c, "v_measure", x -> s.vMeasure()));
      tests.add(check(c, "fowlkes_mallows", x -> s.fowlkesMallows()));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> givenScikitLearnGoldenPoints_whenScoringInternally_thenEveryScoreAgreesTo1e9() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : all()) {
      if (c.points == null) {
        continue;
      }
      tests.add(check(c, "silhouette_euclidean",
          x -> ClusteringMetrics.silhouette(x.points, x.pred, ClusterMetric.EUCLIDEAN)));
      tests.add(check(c, "silhouette_cosine",
          x -> ClusteringMetrics.silhouette(x.points, x.pred, ClusterMetric.COSINE)));
      tests.add(check(c, "davies_bouldin", x -> ClusteringMetrics.daviesBouldin(x.points, x.pred)));
      tests.add(check(c, "calinski_harabasz", x -> ClusteringMetrics.calinskiHarabasz(x.points, x.pred)));
    }
    return tests;
  }

  @Test
  void givenFloatCopiesOfTheGoldenPoints_whenScoringOnFourThreads_thenScoresAgreeToFloatPrecision() {
    int checked = 0;
    for (Case c : all()) {
      if (c.points == null) {
        continue;
      }
      float[][] f = new float[c.points.length][];
      for (int i = 0; i < f.length; i++) {
        f[i] = new float[c.points[i].length];
        for (int j = 0; j < f[i].length; j++) {
          f[i][j] = (float) c.points[i][j];
        }
      }
      DenseVectors v = DenseVectors.of(f);
      SilhouetteOptions o = SilhouetteOptions.of(ClusterMetric.COSINE).withParallelism(4);
      assertEquals(c.expected.get("silhouette_cosine").asDouble(), ClusteringMetrics.silhouette(v, c.pred, o), 1e-6);
      assertEquals(c.expected.get("davies_bouldin").asDouble(),
          ClusteringMetrics.daviesBouldin(v, c.pred, NoiseHandling.AS_LABEL), 1e-5);
      assertEquals(c.expected.get("calinski_harabasz").asDouble(),
          ClusteringMetrics.calinskiHarabasz(v, c.pred, NoiseHandling.AS_LABEL), 1e-4);
      checked++;
    }
    assertTrue(checked >= 3, "cases with points: " + checked);
  }
}
