package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

/** {@code papermap topics} and {@code papermap report} on the bundled sample: real outputs, parsed. */
class TopicsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static List<Path> sample() throws IOException {
    return DemoCommand.inputs(Path.of("data"));
  }

  @Test
  void givenSample_whenTopicsWithAssignments_thenJsonAndLinesAgreeWithEachOther() throws IOException {
    Path topics = tmp.resolve("topics.json");
    Path lines = tmp.resolve("assign.jsonl");
    PaperMapCliTest.Run r = PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(),
        "--algorithm", "kmeans", "--topics", "7", "--seed", "3", "--threads", "2", "-o", topics.toString(),
        "--assignments", lines.toString()));

    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), PaperMapCliTest.errorLines(r.err()).stream().filter(l -> !l.startsWith("papermap: note:")).toList());
    Corpus corpus = CorpusReader.read(sample().toArray(Path[]::new)).corpus();
    JsonNode root = JSON.readTree(topics.toFile());
    JsonNode list = root.get("topics");
    assertEquals(7, list.size());
    int sizes = 0;
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      assertEquals(i, t.get("id").asInt());
      assertFalse(t.get("label").asText().isBlank());
      assertTrue(t.get("keywords").size() > 0);
      assertTrue(t.get("keywords").get(0).get("weight").asDouble() > 0);
      assertFalse(t.get("keywords").get(0).get("term").asText().isBlank());
      for (JsonNode id : t.get("representatives")) {
        assertTrue(corpus.ord(id.asText()) >= 0, id.asText());
      }
      sizes += t.get("size").asInt();
    }
    assertEquals(0, root.get("outliers").asInt());
    assertEquals(corpus.size(), sizes);
    assertEquals(6, root.get("hierarchy").get("merges").size()); // k − 1 merges

    List<String> assigned = Files.readAllLines(lines);
    assertEquals(corpus.size(), assigned.size());
    int[] counts = new int[7];
    for (int ord = 0; ord < assigned.size(); ord++) {
      JsonNode a = JSON.readTree(assigned.get(ord));
      assertEquals(corpus.id(ord), a.get("id").asText());
      counts[a.get("topic").asInt()]++;
      double c = a.get("confidence").asDouble();
      assertTrue(c >= 0 && c <= 1, assigned.get(ord));
    }
    for (int t = 0; t < 7; t++) {
      assertEquals(list.get(t).get("size").asInt(), counts[t], "topic " + t);
    }
    assertTrue(r.out().startsWith("7 topics over " + corpus.size() + " papers, 0 outliers"), r.out());
    assertTrue(r.out().lines().count() == 9, r.out());
  }

  @Test
  void givenSavedMap_whenTopicsOfTheMap_thenSameAsFromTheInputAndHdbscanOutliersAreMinusOne() throws IOException {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run(PaperMapCliTest.withInputs("build", sample(), "-o", map.toString(), "-q")).code());
    Path fromMap = tmp.resolve("a.json");
    Path lines = tmp.resolve("a.jsonl");
    PaperMapCliTest.Run r = PaperMapCliTest.run("topics", "--map", map.toString(), "--algorithm", "hdbscan",
        "-o", fromMap.toString(), "--assignments", lines.toString(), "-q");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(fromMap.toFile());
    int outliers = root.get("outliers").asInt();
    long minusOne = Files.readAllLines(lines).stream().filter(l -> l.contains("\"topic\":-1,")).count();
    assertEquals(outliers, minusOne);
    Set<Integer> ids = new HashSet<>();
    root.get("topics").forEach(t -> ids.add(t.get("id").asInt()));
    assertEquals(root.get("topics").size(), ids.size());

    Path fromInput = tmp.resolve("b.json");
    assertEquals(0, PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(), "--algorithm", "hdbscan",
        "-o", fromInput.toString(), "-q")).code());
    assertEquals(JSON.readTree(fromInput.toFile()), root);
  }

  @Test
  void givenHdbscan_whenTopicsWithAndWithoutKeep_thenNoiseReassignedByDefaultAndKeptWhenAsked() throws IOException {
    Path moved = tmp.resolve("moved.json");
    Path kept = tmp.resolve("kept.json");
    PaperMapCliTest.Run r = PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(), "--algorithm", "hdbscan",
        "-o", moved.toString()));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("papermap: layout: "), r.err());
    assertEquals(0, PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(), "--algorithm", "hdbscan",
        "--outliers", "keep", "-o", kept.toString(), "-q")).code());
    JsonNode m = JSON.readTree(moved.toFile());
    JsonNode k = JSON.readTree(kept.toFile());
    assertEquals(0, m.get("outliers").asInt());
    assertTrue(k.get("outliers").asInt() > 0, k.toString());
    assertEquals(m.get("topics").size(), k.get("topics").size());
    int keptSizes = 0;
    for (JsonNode t : k.get("topics")) {
      keptSizes += t.get("size").asInt();
    }
    assertEquals(CorpusReader.read(sample().toArray(Path[]::new)).corpus().size(), keptSizes + k.get("outliers").asInt());

    // --outlier-threshold alone sets the threshold of HDBSCAN's default (nearest centre): at 1 none moves.
    Path strict = tmp.resolve("strict.json");
    assertEquals(0, PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(), "--algorithm", "hdbscan",
        "--outlier-threshold", "1", "-o", strict.toString(), "-q")).code());
    assertEquals(k.get("outliers").asInt(), JSON.readTree(strict.toFile()).get("outliers").asInt());
  }

  @Test
  void givenBadFlags_whenTopics_thenOneLineAndExitTwo() throws IOException {
    Path out = tmp.resolve("t.json");
    for (String[] bad : List.of(
        new String[] {"--topics", "many"},
        new String[] {"--topics", "0"},
        new String[] {"--algorithm", "dbscan"},
        new String[] {"--outliers", "nowhere"},
        new String[] {"--outlier-threshold", "0.5"},
        new String[] {"--topics", "9999"})) {
      String[] rest = new String[bad.length + 3];
      System.arraycopy(bad, 0, rest, 0, bad.length);
      rest[bad.length] = "-o";
      rest[bad.length + 1] = out.toString();
      rest[bad.length + 2] = "-q";
      PaperMapCliTest.Run r = PaperMapCliTest.run(PaperMapCliTest.withInputs("topics", sample(), rest));
      assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
      List<String> errors = PaperMapCliTest.errorLines(r.err());
      assertEquals(1, errors.size(), String.join(" ", bad) + ": " + r.err());
      assertTrue(errors.get(0).startsWith("papermap: "), errors.get(0));
      assertFalse(Files.exists(out), "nothing written for " + String.join(" ", bad));
    }
  }

  @Test
  void givenSample_whenReport_thenOneSelfContainedHtmlFile() throws IOException {
    Path html = tmp.resolve("report.html");
    PaperMapCliTest.Run r = PaperMapCliTest.run(PaperMapCliTest.withInputs("report", sample(),
        "--topics", "6", "--title", "Sample topics", "-o", html.toString()));
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
    assertTrue(page.contains("<title>Sample topics</title>"));
    assertFalse(page.contains("src=\"http"), "no network resource");
    assertFalse(page.contains("href=\"http"), "no network resource");
    assertTrue(r.err().contains("papermap: report of 6 topics over "), r.err());
  }

  @Test
  void givenTheSample_whenTheTopicsExampleRuns_thenItCompletes() throws IOException {
    org.papermap.examples.TopicsExample.main(new String[] {"data"});
  }
}
