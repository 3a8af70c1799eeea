package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.NoiseHandling;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.cli.PaperMapCliTest.Run;

class ClusterCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static Run run(String... args) {
    return PaperMapCliTest.run(args);
  }

  static List<JsonNode> lines(Path f) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  /** Three tight, far-apart blobs of 40 points in 4 dimensions, with a header and ids "p0".. when {@code ids}. */
  static Path blobs(Path dir, boolean ids) throws IOException {
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder(ids ? "id,a,b,c,d\n" : "");
    for (int i = 0; i < 120; i++) {
      int c = i % 3;
      if (ids) {
        sb.append('p').append(i).append(',');
      }
      for (int j = 0; j < 4; j++) {
        sb.append(j > 0 ? "," : "").append(String.format(Locale.ROOT, "%.5f", (j == c ? 10.0 : 0.0) + rnd.nextGaussian() * 0.3));
      }
      sb.append('\n');
    }
    Path f = dir.resolve(ids ? "blobs-ids.csv" : "blobs.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  static int[] clusters(List<JsonNode> lines) {
    return lines.stream().mapToInt(n -> n.get("cluster").asInt()).toArray();
  }

  static int[] truth() {
    int[] t = new int[120];
    for (int i = 0; i < t.length; i++) {
      t[i] = i % 3;
    }
    return t;
  }

  @Test
  void givenBlobVectorsWithIds_whenHdbscan_thenTheBlobsWithProbabilitiesAndScores() throws IOException {
    Path out = tmp.resolve("h.jsonl");
    Run r = run("cluster", "--vectors", blobs(tmp, true).toString(), "--algorithm", "hdbscan", "--min-cluster-size", "10",
        "-o", out.toString());

    assertEquals(0, r.code(), r.err());
    List<JsonNode> lines = lines(out);
    assertEquals(120, lines.size());
    for (int i = 0; i < 120; i++) {
      JsonNode n = lines.get(i);
      assertEquals(List.of("id", "cluster", "probability", "outlier_score"), fieldNames(n));
      assertEquals("p" + i, n.get("id").asText());
      double p = n.get("probability").asDouble();
      double s = n.get("outlier_score").asDouble();
      assertTrue(p >= 0 && p <= 1 && s >= 0 && s <= 1, n.toString());
    }
    int[] got = clusters(lines);
    int noise = (int) java.util.Arrays.stream(got).filter(c -> c == -1).count();
    assertTrue(noise <= 6, "noise " + noise);
    ExternalScores s = ClusteringMetrics.compare(truth(), got, NoiseHandling.CLUSTERED_ONLY);
    assertEquals(1.0, s.adjustedRandIndex(), 1e-12);
    assertEquals(3, s.clusters());
    List<String> report = PaperMapCliTest.errorLines(r.err());
    assertEquals(1, report.size(), r.err());
    assertTrue(report.get(0).matches("papermap: 120 points in 3 clusters \\(hdbscan\\) -> .*h\\.jsonl; sizes \\d+ \\d+ \\d+;"
        + " noise " + noise + " \\(\\d+\\.\\d%\\)"), report.get(0));
  }

  @Test
  void givenBlobVectorsWithoutIds_whenKMeans_thenRowNumbersAndDistances() throws IOException {
    Run r = run("cluster", "--vectors", blobs(tmp, false).toString(), "--algorithm", "kmeans", "--k", "3", "-o", "-", "-q");

    assertEquals(0, r.code(), r.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String l : r.out().strip().split("\n")) {
      lines.add(JSON.readTree(l));
    }
    assertEquals(120, lines.size());
    for (int i = 0; i < 120; i++) {
      assertEquals(List.of("id", "cluster", "distance"), fieldNames(lines.get(i)));
      assertEquals(Integer.toString(i), lines.get(i).get("id").asText());
      double d = lines.get(i).get("distance").asDouble();
      assertTrue(d >= 0 && d < 2.5, lines.get(i).toString()); // Euclidean, spread 0.3 in 4 dimensions
    }
    assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(truth(), clusters(lines)), 1e-12);
  }

  @Test
  void givenSamplePapers_whenKMeansWithOneOrTwoThreads_thenEveryPaperOnceAndTheSameLines() throws IOException {
    Path one = tmp.resolve("one.jsonl");
    Path two = tmp.resolve("two.jsonl");
    Run r1 = run("cluster", "-i", "data", "--algorithm", "kmeans", "--k", "6", "--threads", "1", "-o", one.toString());
    Run r2 = run("cluster", "-i", "data", "--algorithm", "kmeans", "--k", "6", "--threads", "2", "-o", two.toString());

    assertEquals(0, r1.code(), r1.err());
    assertEquals(0, r2.code(), r2.err());
    assertEquals(Files.readString(one), Files.readString(two));
    assertTrue(r1.err().contains("papermap: k-means: 262 points in"), r1.err());
    Corpus corpus = CorpusReader.read(DemoCommand.inputs(Path.of("data")).toArray(Path[]::new)).corpus();
    List<JsonNode> lines = lines(one);
    assertEquals(corpus.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(corpus.id(i), lines.get(i).get("id").asText());
      assertEquals(corpus.get(i).title(), lines.get(i).get("title").asText());
      int c = lines.get(i).get("cluster").asInt();
      assertTrue(c >= 0 && c < 6);
    }
  }

  @Test
  void givenSavedMap_whenClustered_thenAsFromTheInputAndTfIdfNeedsKMeans() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, run("build", "-i", "data", "-o", map.toString(), "-q").code());
    Path fromMap = tmp.resolve("m.jsonl");
    Path fromInput = tmp.resolve("i.jsonl");

    Run rm = run("cluster", "--map", map.toString(), "--algorithm", "hdbscan", "-o", fromMap.toString());
    Run ri = run("cluster", "-i", "data", "--algorithm", "hdbscan", "-o", fromInput.toString());
    Run tfidf = run("cluster", "--map", map.toString(), "--algorithm", "kmeans", "--representation", "tfidf", "--k", "4",
        "-o", tmp.resolve("t.jsonl").toString());

    assertEquals(0, rm.code(), rm.err());
    assertEquals(0, ri.code(), ri.err());
    assertEquals(Files.readString(fromInput), Files.readString(fromMap));
    assertEquals(0, tfidf.code(), tfidf.err());
    assertEquals(262, lines(tmp.resolve("t.jsonl")).size());
  }

  @Test
  void givenBadVectorFiles_whenClustered_thenOneLineNamingFileLineAndColumn() throws IOException {
    String[][] cases = {
      {"1,2,3\n4,5\n", "line 2, column 2: has 2 columns, the first row 3"},
      {"1,2\n3,abc\n", "line 2, column 2: 'abc' is not a number"},
      {"1,2\n\n3,NaN\n", "line 3, column 2: 'NaN' is not a finite decimal number"},
      {"id,x\na,1\na,2\n", "line 3, column 1: repeats the id 'a' of line 2"},
      {"1,2\n1e39,0\n", "line 2, column 1: '1e39' is not a finite decimal number"},
    };
    for (String[] c : cases) {
      Path f = tmp.resolve("bad.csv");
      Files.writeString(f, c[0]);
      Path out = tmp.resolve("never.jsonl");
      Run r = run("cluster", "--vectors", f.toString(), "--algorithm", "kmeans", "--k", "1", "-o", out.toString());

      assertEquals(2, r.code(), r.err());
      List<String> errors = PaperMapCliTest.errorLines(r.err());
      assertEquals(List.of("papermap: " + f + ": " + c[1] + (c[1].contains("columns") ? " (every row must have as many)"
          : c[1].contains("repeats") ? " (ids must be distinct)" : "")), errors);
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void givenFlagsThatDoNotFit_whenClustered_thenUsageErrorsNamingTheFlag() throws IOException {
    Path v = blobs(tmp, false);
    String o = tmp.resolve("x.jsonl").toString();
    Object[][] cases = {
      {new String[] {"cluster", "-i", "data", "--algorithm", "hdbscan", "--representation", "tfidf", "-o", o}, "--representation tfidf needs --algorithm kmeans"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "hdbscan", "--k", "3", "-o", o}, "--k and --n-init apply to --algorithm kmeans"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "kmeans", "--min-samples", "3", "-o", o}, "--min-cluster-size and --min-samples apply to --algorithm hdbscan"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "kmeans", "--k", "121", "-o", o}, "--k must be at most the number of points (120), got 121"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "kmeans", "--k", "0", "-o", o}, "--k must be >= 1, got 0"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "hdbscan", "--min-cluster-size", "1", "-o", o}, "--min-cluster-size must be >= 2, got 1"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "kmeans", "--lsa-dims", "5", "-o", o}, "--vectors are clustered as given"},
      {new String[] {"cluster", "--vectors", v.toString(), "-i", "data", "--algorithm", "kmeans", "-o", o}, "mutually exclusive"},
      {new String[] {"cluster", "--vectors", v.toString(), "--algorithm", "dbscan", "-o", o}, "--algorithm"},
    };
    for (Object[] c : cases) {
      Run r = run((String[]) c[0]);
      assertEquals(2, r.code(), r.err());
      List<String> errors = PaperMapCliTest.errorLines(r.err());
      assertEquals(1, errors.size(), r.err());
      assertTrue(errors.get(0).contains((String) c[1]) && errors.get(0).endsWith("(see 'papermap cluster --help')"),
          errors.get(0));
    }
  }

  @Test
  void givenTfIdfMap_whenHdbscan_thenClusteredOnTheLsaVectorsItHolds() throws IOException {
    // Every map holds LSA since issue 8, a --representation tfidf one too (older such maps get an error
    // naming what to do, in ClusterInput).
    Path map = tmp.resolve("map");
    assertEquals(0, run("build", "-i", "data", "-o", map.toString(), "--representation", "tfidf", "-q").code());

    Run r = run("cluster", "--map", map.toString(), "--algorithm", "hdbscan", "-o", tmp.resolve("x.jsonl").toString());

    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(tmp.resolve("x.jsonl")) > 0);
  }

  @Test
  void givenAlgorithmFlags_whenClustered_thenTheLibrarysResultForThoseOptions() throws IOException {
    Path csv = blobs(tmp, false);
    VectorsCsv v = VectorsCsv.read(csv);
    Path h = tmp.resolve("h.jsonl");
    Path k = tmp.resolve("k.jsonl");

    Run rh = run("cluster", "--vectors", csv.toString(), "--algorithm", "hdbscan", "--min-cluster-size", "7",
        "--min-samples", "2", "--metric", "cosine", "-o", h.toString(), "-q");
    Run rk = run("cluster", "--vectors", csv.toString(), "--algorithm", "kmeans", "--k", "5", "--n-init", "2",
        "--seed", "11", "--metric", "cosine", "-o", k.toString(), "-q");

    assertEquals(0, rh.code(), rh.err());
    assertEquals(0, rk.code(), rk.err());
    HdbscanResult eh = Hdbscan.fit(v.vectors(), Hdbscan.Options.builder().minClusterSize(7).minSamples(2)
        .metric(ClusterMetric.COSINE).build());
    KMeansResult ek = KMeans.fit(v.vectors(), KMeans.Options.builder().k(5).nInit(2).seed(11)
        .metric(ClusterMetric.COSINE).build());
    List<JsonNode> hl = lines(h);
    List<JsonNode> kl = lines(k);
    for (int i = 0; i < 120; i++) {
      assertEquals(eh.label(i), hl.get(i).get("cluster").asInt());
      assertEquals(eh.probability(i), hl.get(i).get("probability").asDouble(), 0.0);
      assertEquals(eh.outlierScore(i), hl.get(i).get("outlier_score").asDouble(), 0.0);
      assertEquals(ek.label(i), kl.get(i).get("cluster").asInt());
      float[] x = v.vectors().vector(i);
      float[] c = ek.centroid(ek.label(i));
      double dot = 0;
      double xx = 0;
      double cc = 0;
      for (int j = 0; j < x.length; j++) {
        dot += (double) x[j] * c[j];
        xx += (double) x[j] * x[j];
        cc += (double) c[j] * c[j];
      }
      assertEquals(1 - dot / Math.sqrt(xx * cc), kl.get(i).get("distance").asDouble(), 1e-12);
    }
  }

  @Test
  void givenHelp_thenClusterAndEvaluateListTheirFlags() {
    String cluster = run("cluster", "--help").out();
    for (String flag : List.of("--input", "--map", "--vectors", "--algorithm", "--k", "--n-init", "--min-cluster-size",
        "--min-samples", "--metric", "--representation", "--lsa-dims", "--preset", "--input-format", "--threads",
        "--seed", "--output", "--quiet")) {
      assertTrue(cluster.contains(flag), "cluster --help lacks " + flag);
    }
    for (String absent : List.of("--index", "--format ", "--explain", "--force")) {
      assertFalse(cluster.contains(absent), "cluster --help lists " + absent);
    }
    String evaluate = run("evaluate", "--help").out();
    for (String flag : List.of("--assignments", "--truth", "--field", "--json", "--vectors", "--metric")) {
      assertTrue(evaluate.contains(flag), "evaluate --help lacks " + flag);
    }
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
