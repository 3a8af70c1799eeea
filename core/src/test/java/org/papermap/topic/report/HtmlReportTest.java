package org.papermap.topic.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.topic.Clusters;
import org.papermap.topic.ExactNeighbourSearch;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicTerms;
import org.papermap.vector.DenseVectors;

class HtmlReportTest {
  static final String[][] WORDS = {
    {"protein", "folding", "enzyme", "ligand"}, {"galaxy", "stellar", "quasar", "redshift"},
    {"policy", "reward", "agent", "bandit"}};

  /** 90 dated papers in three topics, noise on every tenth paper, with vectors, layout and neighbours. */
  static ReportInput input() {
    SplittableRandom rnd = new SplittableRandom(4);
    List<Paper> papers = new ArrayList<>();
    float[][] v = new float[90][3];
    int[] labels = new int[90];
    for (int i = 0; i < 90; i++) {
      int t = i % 3;
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 12; w++) {
        sb.append(WORDS[t][rnd.nextInt(4)]).append(' ');
      }
      papers.add(new Paper("p" + i, "Title <" + i + "> " + WORDS[t][0], sb.toString(), List.of(), null,
          LocalDate.of(2020 + i % 4, 1 + i % 12, 1), i % 2 == 0 ? "https://example.org/" + i : null, null,
          List.of(), null));
      v[i][t] = 1;
      v[i][(t + 1) % 3] = (float) rnd.nextDouble(0.3);
      labels[i] = i % 10 == 0 ? -1 : t;
    }
    Corpus corpus = Corpus.of(papers);
    DenseVectors vectors = DenseVectors.of(v);
    TopicData data = new TopicData(corpus,
        TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().minDf(1).build()), vectors);
    TopicModel model = TopicModeler.fit(data, Clusters.of(labels), TopicOptions.defaults());
    KnnGraph graph = KnnGraph.build(vectors, ExactNeighbourSearch.of(vectors), 5, 1, null);
    MapLayoutResult layout = MapLayout.fit(vectors, graph, MapLayout.Options.builder().epochs(20).build());
    return new ReportInput(model, layout, graph);
  }

  static final ReportInput INPUT = input();

  static String render(HtmlReport.Options o) throws IOException {
    StringWriter w = new StringWriter();
    HtmlReport.write(INPUT, o, w);
    return w.toString();
  }

  @Test
  void givenReport_whenWritten_thenSelfContainedWithEscapedTitle() throws IOException {
    String html = render(HtmlReport.Options.titled("Topics <of> \"papers\" & more"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<title>Topics &lt;of&gt; &quot;papers&quot; &amp; more</title>"));
    assertFalse(html.contains("{{"), "every placeholder is filled");
    // nothing is fetched: no external scripts, styles, images, fonts or imports
    for (String forbidden : List.of("<script src", "<link", "<img", "@import", "url(", "fetch(", "XMLHttpRequest")) {
      assertFalse(html.contains(forbidden), "the page contains " + forbidden);
    }
  }

  @Test
  void givenReport_whenPayloadDecoded_thenItHoldsTheModelLayoutAndNeighbours() throws IOException {
    // Given
    String html = render(HtmlReport.Options.defaults());
    // When
    Payload p = Payload.read(html);
    // Then
    TopicModel m = INPUT.model();
    assertEquals(90, p.header.get("n").asInt());
    assertEquals(m.topicCount(), p.header.get("k").asInt());
    assertEquals(m.outlierCount(), p.header.get("outliers").asInt());
    assertEquals(m.topic(1).label(), p.header.get("topics").get(1).get("label").asText());
    assertEquals(m.topic(1).size(), p.header.get("topics").get(1).get("size").asInt());
    assertEquals("Title <7> galaxy", p.header.get("titles").get(7).asText());
    assertEquals("https://example.org/2", p.header.get("urls").get(2).asText());
    assertEquals("", p.header.get("urls").get(3).asText());
    assertEquals(m.hierarchy().merges().size(), p.header.get("tree").size());
    assertEquals(List.of("2020", "2021", "2022", "2023"),
        List.of(p.header.get("time").get("cols").get(0).asText(), p.header.get("time").get("cols").get(1).asText(),
            p.header.get("time").get("cols").get(2).asText(), p.header.get("time").get("cols").get(3).asText()));
    assertArrayEquals(m.assignments(), p.ints("topic"));
    // coordinates come back within one quantization step of the bounding box
    float[] box = ReportPayload.bbox(INPUT.layout());
    int[] x = p.unsignedShorts("x");
    for (int i = 0; i < 90; i++) {
      float back = box[0] + x[i] / 65535f * (box[1] - box[0]);
      assertEquals(INPUT.layout().x(i), back, (box[1] - box[0]) / 65535f);
    }
    int[] rel = p.ints("rel");
    assertEquals(90 * 5, rel.length);
    for (int j = 0; j < 5; j++) {
      assertEquals(INPUT.related().neighbour(17, j), rel[17 * 5 + j]);
    }
    assertEquals(INPUT.model().data().corpus().get(0).abstractText(), p.header.get("abstracts").get(0).asText());
  }

  @Test
  void givenSameInput_whenWrittenTwice_thenIdenticalFiles(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");
    HtmlReport.write(INPUT, HtmlReport.Options.defaults(), a);
    HtmlReport.write(INPUT, HtmlReport.Options.defaults(), b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void givenNoAbstractsOrNeighbours_whenWritten_thenTheyAreLeftOut() throws IOException {
    StringWriter w = new StringWriter();
    HtmlReport.write(new ReportInput(INPUT.model(), INPUT.layout(), null),
        HtmlReport.Options.defaults().withAbstractChars(0), w);
    Payload p = Payload.read(w.toString());
    assertFalse(p.header.has("abstracts"));
    assertFalse(p.header.get("arrays").has("rel"));
  }

  @Test
  void givenLongAbstract_whenShortened_thenCodePointsKept() {
    assertEquals("ab…", ReportPayload.shorten("abc", 2));
    assertEquals("abc", ReportPayload.shorten("abc", 3));
    assertEquals("a\uD835\uDC65…", ReportPayload.shorten("a\uD835\uDC65b", 2));
  }

  @Test
  void givenBadInput_whenBuilt_thenMessages() {
    assertEquals("relatedPerPaper must be in [0, 50], got 51",
        assertThrows(IllegalArgumentException.class,
            () -> HtmlReport.Options.defaults().withRelatedPerPaper(51)).getMessage());
    assertEquals("abstractChars must be -1 (automatic) or in [0, 100000], got -2",
        assertThrows(IllegalArgumentException.class,
            () -> HtmlReport.Options.defaults().withAbstractChars(-2)).getMessage());
    MapLayoutResult small = MapLayoutResult.of(new float[2], new float[2], MapLayout.Options.defaults());
    assertEquals("layout must place every paper: 2!=90",
        assertThrows(IllegalArgumentException.class,
            () -> new ReportInput(INPUT.model(), small, null)).getMessage());
  }

  /** The inflated container of a page: its JSON header and typed arrays. */
  record Payload(JsonNode header, ByteBuffer arrays) {
    static Payload read(String html) throws IOException {
      String open = "<script id=\"pm-data\" type=\"application/octet-stream\">";
      int s = html.indexOf(open) + open.length();
      byte[] gz = Base64.getDecoder().decode(html.substring(s, html.indexOf("</script>", s)).trim());
      byte[] raw = new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
      ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      int len = b.getInt(0);
      JsonNode header = new ObjectMapper().readTree(new String(raw, 4, len, java.nio.charset.StandardCharsets.UTF_8));
      int base = 4 + len + ((4 - ((4 + len) & 3)) & 3);
      return new Payload(header, b.position(base).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    int[] ints(String name) {
      JsonNode a = header.get("arrays").get(name);
      assertEquals("i32", a.get("t").asText());
      int[] out = new int[a.get("n").asInt()];
      for (int i = 0; i < out.length; i++) {
        out[i] = arrays.getInt(a.get("o").asInt() + 4 * i);
      }
      return out;
    }

    int[] unsignedShorts(String name) {
      JsonNode a = header.get("arrays").get(name);
      assertEquals("u16", a.get("t").asText());
      int[] out = new int[a.get("n").asInt()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Short.toUnsignedInt(arrays.getShort(a.get("o").asInt() + 2 * i));
      }
      return out;
    }
  }
}
