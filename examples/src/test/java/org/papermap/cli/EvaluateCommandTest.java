package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.cli.PaperMapCliTest.Run;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.NoiseHandling;

class EvaluateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Assignments ("a0".. with clusters, in shuffled order) and truth files ("label" = topic names) for 90 points. */
  private Path[] files(int[] pred, int[] gold) throws IOException {
    StringBuilder a = new StringBuilder();
    StringBuilder t = new StringBuilder();
    for (int i = pred.length - 1; i >= 0; i--) {
      a.append("{\"id\":\"a").append(i).append("\",\"cluster\":").append(pred[i]).append(",\"probability\":1.0}\n");
    }
    for (int i = 0; i < gold.length; i++) {
      t.append("{\"id\":\"a").append(i).append("\",\"title\":\"t\",\"label\":\"topic-").append(gold[i])
          .append("\",\"venue\":").append(gold[i] % 2).append("}\n");
    }
    Path af = tmp.resolve("a.jsonl");
    Path tf = tmp.resolve("truth.jsonl");
    Files.writeString(af, a);
    Files.writeString(tf, t);
    return new Path[] {af, tf};
  }

  private static int[][] labels() {
    SplittableRandom rnd = new SplittableRandom(5);
    int[] gold = new int[90];
    int[] pred = new int[90];
    for (int i = 0; i < 90; i++) {
      gold[i] = i % 4;
      pred[i] = rnd.nextInt(10) < 7 ? gold[i] : rnd.nextInt(5) - 1; // -1 = noise
    }
    return new int[][] {pred, gold};
  }

  @Test
  void givenAssignmentsWithNoise_whenEvaluatedAsJson_thenTheLibrarysScoresForAllAndClustered() throws IOException {
    int[][] l = labels();
    Path[] f = files(l[0], l[1]);

    Run r = PaperMapCliTest.run("evaluate", "--assignments", f[0].toString(), "--truth", f[1].toString(), "--json");

    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    ExternalScores all = ClusteringMetrics.compare(l[1], l[0], NoiseHandling.AS_LABEL);
    ExternalScores clustered = ClusteringMetrics.compare(l[1], l[0], NoiseHandling.CLUSTERED_ONLY);
    assertTrue(all.noisePoints() > 0);
    assertEquals(90, j.get("papers").asInt());
    assertEquals(all.noisePoints(), j.get("noise").asInt());
    assertEquals((double) all.noisePoints() / 90, j.get("noise_share").asDouble(), 1e-15);
    assertEquals(4, j.get("clusters").asInt());
    for (Object[] c : new Object[][] {{"all", all}, {"clustered", clustered}}) {
      JsonNode s = j.get((String) c[0]);
      ExternalScores e = (ExternalScores) c[1];
      assertEquals(e.adjustedRandIndex(), s.get("ari").asDouble(), 1e-15);
      assertEquals(e.nmiArithmetic(), s.get("nmi").asDouble(), 1e-15);
      assertEquals(e.amiArithmetic(), s.get("ami").asDouble(), 1e-15);
      assertEquals(e.homogeneity(), s.get("homogeneity").asDouble(), 1e-15);
      assertEquals(e.completeness(), s.get("completeness").asDouble(), 1e-15);
      assertEquals(e.vMeasure(), s.get("v_measure").asDouble(), 1e-15);
      assertEquals(e.fowlkesMallows(), s.get("fowlkes_mallows").asDouble(), 1e-15);
    }
    assertFalse(j.has("silhouette"));
  }

  @Test
  void givenRenamedPartitionAndAnotherField_whenEvaluatedAsText_thenPerfectScores() throws IOException {
    int[] gold = new int[90];
    int[] pred = new int[90];
    for (int i = 0; i < 90; i++) {
      gold[i] = i % 2;
      pred[i] = 7 - gold[i];
    }
    Path[] f = files(pred, gold);

    Run r = PaperMapCliTest.run("evaluate", "--assignments", f[0].toString(), "--truth", f[1].toString(), "--field", "venue");

    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("papers 90, classes 2, clusters 2, noise 0 (0.0%)\n"), r.out());
    for (String m : List.of("ARI", "NMI", "AMI", "homogeneity", "completeness", "V-measure", "Fowlkes-Mallows")) {
      assertTrue(r.out().lines().anyMatch(line -> line.matches(m + " +1\\.0000")), m + " in\n" + r.out());
    }
  }

  @Test
  void givenVectors_whenEvaluated_thenTheSilhouetteOfTheClusteredPoints() throws IOException {
    int[][] l = labels();
    Path[] f = files(l[0], l[1]);
    StringBuilder csv = new StringBuilder("id,x,y\n");
    double[][] x = new double[90][];
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 89; i >= 0; i--) {
      float a = (float) (l[1][i] * 3 + rnd.nextGaussian());
      float b = (float) rnd.nextGaussian();
      x[i] = new double[] {a, b};
      csv.append('a').append(i).append(',').append(a).append(',').append(b).append('\n');
    }
    Path v = tmp.resolve("v.csv");
    Files.writeString(v, csv);

    Run r = PaperMapCliTest.run("evaluate", "--assignments", f[0].toString(), "--truth", f[1].toString(), "--json",
        "--vectors", v.toString());

    assertEquals(0, r.code(), r.err());
    int[] keep = java.util.stream.IntStream.range(0, 90).filter(i -> l[0][i] != -1).toArray();
    double[][] kx = java.util.Arrays.stream(keep).mapToObj(i -> x[i]).toArray(double[][]::new);
    int[] kl = java.util.Arrays.stream(keep).map(i -> l[0][i]).toArray();
    double expected = ClusteringMetrics.silhouette(kx, kl, ClusterMetric.EUCLIDEAN);
    assertEquals(expected, JSON.readTree(r.out()).get("silhouette").asDouble(), 1e-6);
  }

  @Test
  void givenAnIdMissingFromEitherFile_whenEvaluated_thenOneLineNamingBothFiles() throws IOException {
    int[][] l = labels();
    Path[] f = files(l[0], l[1]);
    List<String> truth = Files.readAllLines(f[1]);
    Path fewer = tmp.resolve("fewer.jsonl");
    Files.write(fewer, truth.subList(1, truth.size()));
    List<String> assigned = Files.readAllLines(f[0]);
    Path fewerA = tmp.resolve("fewer-a.jsonl");
    Files.write(fewerA, assigned.subList(0, assigned.size() - 2));

    Run r1 = PaperMapCliTest.run("evaluate", "--assignments", f[0].toString(), "--truth", fewer.toString());
    Run r2 = PaperMapCliTest.run("evaluate", "--assignments", fewerA.toString(), "--truth", f[1].toString());

    assertEquals(2, r1.code());
    assertEquals(List.of("papermap: 1 id(s) of " + f[0] + " are not in " + fewer + " (first: a0); every id must be in"
        + " both files"), PaperMapCliTest.errorLines(r1.err()));
    assertEquals(2, r2.code());
    assertEquals(List.of("papermap: 2 id(s) of " + f[1] + " are not in " + fewerA + " (first: a0, a1); every id must be"
        + " in both files"), PaperMapCliTest.errorLines(r2.err()));
    assertEquals("", r1.out() + r2.out());
  }

  @Test
  void givenBadRecords_whenEvaluated_thenOneLineNamingFileAndLine() throws IOException {
    Path t = tmp.resolve("t.jsonl");
    Files.writeString(t, "{\"id\":\"x\",\"label\":\"a\"}\n{\"id\":\"y\",\"label\":\"b\"}\n");
    String[][] cases = {
      {"{\"id\":\"x\",\"cluster\":0}\n{\"id\":\"y\",\"cluster\":\"1\"}\n", "line 2: 'cluster' must be an integer >= -1 (-1 = noise), got \"1\""},
      {"{\"id\":\"x\",\"cluster\":0}\n{\"id\":\"y\",\"cluster\":-2}\n", "line 2: 'cluster' must be an integer >= -1"},
      {"{\"id\":\"x\",\"cluster\":0}\n{\"cluster\":1}\n", "line 2: has no 'id'"},
      {"{\"id\":\"x\",\"cluster\":0}\n{\"id\":\"x\",\"cluster\":1}\n", "line 2: repeats the id 'x' of line 1"},
      {"{\"id\":\"x\",\"cluster\":0}\n{\"id\":\"y\",\"cluster\":1\n", "line 2: not valid JSON"},
    };
    for (String[] c : cases) {
      Path a = tmp.resolve("a.jsonl");
      Files.writeString(a, c[0]);
      Run r = PaperMapCliTest.run("evaluate", "--assignments", a.toString(), "--truth", t.toString());
      assertEquals(2, r.code(), r.err());
      List<String> errors = PaperMapCliTest.errorLines(r.err());
      assertEquals(1, errors.size(), r.err());
      assertTrue(errors.get(0).startsWith("papermap: " + a + ": " + c[1]), errors.get(0));
    }
    Path a = tmp.resolve("a.jsonl");
    Files.writeString(a, "{\"id\":\"x\",\"cluster\":0}\n{\"id\":\"y\",\"cluster\":1}\n");
    Run r = PaperMapCliTest.run("evaluate", "--assignments", a.toString(), "--truth", t.toString(), "--field", "topic");
    assertEquals(List.of("papermap: " + t + ": line 1: has no 'topic'"), PaperMapCliTest.errorLines(r.err()));
    Files.writeString(t, "{\"id\":\"x\",\"labels\":[\"a\",\"b\"]}\n{\"id\":\"y\",\"labels\":[]}\n");
    r = PaperMapCliTest.run("evaluate", "--assignments", a.toString(), "--truth", t.toString(), "--field", "labels");
    assertEquals(List.of("papermap: " + t + ": line 2: 'labels' is an empty array (no label)"),
        PaperMapCliTest.errorLines(r.err()));
  }

  @Test
  void givenPapersWrittenByParse_whenEvaluatedOnLabels_thenThePrimaryLabelIsTheTruth() throws IOException {
    Path t = tmp.resolve("t.jsonl");
    Files.writeString(t, "{\"id\":\"x\",\"labels\":[\"a\",\"z\"]}\n{\"id\":\"y\",\"labels\":[\"b\",\"a\"]}\n"
        + "{\"id\":\"w\",\"labels\":[\"b\"]}\n");
    Path a = tmp.resolve("a.jsonl");
    Files.writeString(a, "{\"id\":\"x\",\"cluster\":3}\n{\"id\":\"y\",\"cluster\":5}\n{\"id\":\"w\",\"cluster\":5}\n");

    Run r = PaperMapCliTest.run("evaluate", "--assignments", a.toString(), "--truth", t.toString(), "--field", "labels",
        "--json");

    assertEquals(0, r.code(), r.err());
    assertEquals(1.0, JSON.readTree(r.out()).get("all").get("ari").asDouble(), 0.0);
  }
}
