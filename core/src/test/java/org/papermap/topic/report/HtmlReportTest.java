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
import org.papermap.cluster.BruteForceNeighbours;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.topic.Clusters;
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
          List.of(i % 5 == 0 ? "mixed" : "field" + t), null));
      v[i][t] = 1;
      v[i][(t + 1) % 3] = (float) rnd.nextDouble(0.3);
      labels[i] = i % 10 == 0 ? -1 : t;
    }
    Corpus corpus = Corpus.of(papers);
    DenseVectors vectors = DenseVectors.of(v);
    TopicData data = new TopicData(corpus,
        TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().minDf(1).build()), vectors);
    TopicModel model = TopicModeler.fit(data, Clusters.of(labels), TopicOptions.defaults());
    KnnGraph graph = KnnGraph.build(vectors, BruteForceNeighbours.serial(), 5);
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
    // per-paper data is in page order: ids map page ords back to papers
    Corpus corpus = m.data().corpus();
    int[] ordOf = new int[90];
    for (int page = 0; page < 90; page++) {
      ordOf[page] = corpus.ord(p.header.get("ids").get(page).asText());
    }
    assertEquals(90, java.util.Arrays.stream(ordOf).distinct().count());
    int[] topic = p.ints("topic");
    int[] x = p.unsignedShorts("x");
    int[] y = p.unsignedShorts("y");
    float[] box = ReportPayload.bbox(INPUT.layout());
    long previousCode = -1;
    for (int page = 0; page < 90; page++) {
      int i = ordOf[page];
      assertEquals(corpus.get(i).title(), p.header.get("titles").get(page).asText());
      assertEquals(corpus.get(i).url() == null ? "" : corpus.get(i).url(), p.header.get("urls").get(page).asText());
      assertEquals(corpus.get(i).abstractText(), p.header.get("abstracts").get(page).asText());
      assertEquals(m.topicOf(i), topic[page]);
      // coordinates come back within one quantization step of the bounding box
      assertEquals(INPUT.layout().x(i), box[0] + x[page] / 65535f * (box[1] - box[0]), (box[1] - box[0]) / 65535f);
      assertEquals(INPUT.layout().y(i), box[2] + y[page] / 65535f * (box[3] - box[2]), (box[3] - box[2]) / 65535f);
      // pages follow the Morton code of the quantized position
      long code = PageOrder.interleave(x[page]) | (PageOrder.interleave(y[page]) << 1);
      assertTrue(code >= previousCode);
      previousCode = code;
    }
    int rep0 = p.header.get("topics").get(1).get("rep").get(0).asInt();
    assertEquals(m.topic(1).representative(0), ordOf[rep0]);
    assertEquals(m.hierarchy().merges().size(), p.header.get("tree").size());
    assertEquals(List.of("2020", "2021", "2022", "2023"),
        List.of(p.header.get("time").get("cols").get(0).asText(), p.header.get("time").get("cols").get(1).asText(),
            p.header.get("time").get("cols").get(2).asText(), p.header.get("time").get("cols").get(3).asText()));
    // topic 0 = papers 3, 6, 9, … without the tenths: "field0" for most, "mixed" for every fifth
    JsonNode labels = p.header.get("topics").get(0).get("labels");
    assertEquals("field0", labels.get(0).get(0).asText());
    assertEquals(m.topic(0).size() - labels.get(1).get(1).asInt(), labels.get(0).get(1).asInt());
    assertEquals("mixed", labels.get(1).get(0).asText());
    // related papers: zigzag deltas of page ords, decoded back to the graph's neighbours
    int[] rel = p.ints("rel");
    assertEquals(90 * 5, rel.length);
    for (int page = 0; page < 90; page++) {
      for (int j = 0; j < 5; j++) {
        int z = rel[page * 5 + j];
        int neighbourPage = page + ((z >>> 1) ^ -(z & 1));
        assertEquals(INPUT.related().neighbour(ordOf[page], j), ordOf[neighbourPage]);
      }
    }
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
      assertTrue(List.of("i32", "u32").contains(a.get("t").asText()));
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
