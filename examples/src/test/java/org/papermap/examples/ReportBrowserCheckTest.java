package org.papermap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.topic.Clusters;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayout;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicTerms;
import org.papermap.topic.report.HtmlReport;
import org.papermap.topic.report.ReportInput;
import org.papermap.vector.DenseVectors;

/**
 * The report works in a real browser: skipped, with a message, when Chromium is not installed (CI does
 * not need it); run {@code ReportBrowserCheck} by hand for a big report.
 */
@Tag("slow")
class ReportBrowserCheckTest {
  static final String[][] WORDS = {
    {"protein", "folding", "enzyme", "ligand"}, {"galaxy", "stellar", "quasar", "redshift"},
    {"policy", "reward", "agent", "bandit"}, {"graph", "vertex", "clique", "spectral"}};

  @Test
  void givenReport_whenOpenedInHeadlessChromium_thenItRendersAndRespondsWithoutConsoleErrors(@TempDir Path dir)
      throws IOException {
    Optional<Path> chromium = ReportBrowserCheck.findChromium();
    Assumptions.assumeTrue(chromium.isPresent(),
        "Chromium not found (/usr/bin/chromium or $PAPERMAP_CHROMIUM; PAPERMAP_CHROMIUM=none disables it): browser check skipped");
    // Given a report of 400 papers in four topics
    Path html = dir.resolve("report.html");
    ReportInput input = input(400);
    HtmlReport.write(input, HtmlReport.Options.titled("Browser check"), html);
    // When
    ReportBrowserCheck.Result r = ReportBrowserCheck.check(chromium.get(), html, dir.resolve("shot.png"));
    // Then
    assertEquals(List.of(), r.consoleErrors());
    assertEquals(400, r.papers());
    assertEquals(4, r.topicItems());
    assertTrue(r.colouredPixels() > 400, "coloured pixels: " + r.colouredPixels());
    assertTrue(r.topicPanel().contains(", "), "topic panel: " + r.topicPanel());
    assertTrue(r.paperPanel().startsWith("Paper "), "paper panel: " + r.paperPanel());
    assertTrue(r.searchResults() > 0);
    assertTrue(r.firstPaintMs() > 0);
    assertTrue(Files.size(dir.resolve("shot.png")) > 1000);
    assertTrue(Files.size(dir.resolve("shot-paper.png")) > 1000);
  }

  static ReportInput input(int n) {
    SplittableRandom rnd = new SplittableRandom(8);
    List<Paper> papers = new ArrayList<>();
    float[][] v = new float[n][4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int t = i % 4;
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 15; w++) {
        sb.append(WORDS[t][rnd.nextInt(4)]).append(' ');
      }
      papers.add(Paper.of("p" + i, "Paper " + i + " on " + WORDS[t][0], sb.toString()));
      v[i][t] = 1;
      v[i][(t + 1) % 4] = (float) rnd.nextDouble(0.5);
      labels[i] = t;
    }
    Corpus corpus = Corpus.of(papers);
    DenseVectors vectors = DenseVectors.of(v);
    TopicModel model = TopicModeler.fit(new TopicData(corpus, TopicTerms.count(corpus, TopicTerms.defaultOptions()), vectors),
        Clusters.of(labels), TopicOptions.defaults());
    KnnGraph graph = KnnGraph.build(vectors, BruteForceNeighbours.serial(), 10);
    return new ReportInput(model, MapLayout.fit(vectors, graph, MapLayout.Options.builder().epochs(100).build()), graph);
  }
}
