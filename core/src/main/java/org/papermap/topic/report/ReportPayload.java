package org.papermap.topic.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.papermap.cluster.ClusterMetric;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.topic.Keyword;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.Topic;
import org.papermap.topic.TopicCounts;
import org.papermap.topic.TopicHierarchy;
import org.papermap.topic.TopicModel;

/**
 * Encodes the report's data as one gzip-compressed container (layout in {@code package-info.java}):
 * a JSON header with the topics, the tree, the timeline and the per-paper strings, then the per-paper
 * numbers as little-endian typed arrays the page views without copying.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class ReportPayload {
  static final int VERSION = 1;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ReportPayload() {}

  /** A typed array of the container: its name, JS type and little-endian bytes. */
  private record Blob(String name, String type, int length, byte[] bytes) {}

  static byte[] encode(ReportInput in, HtmlReport.Options o) throws IOException {
    PageOrder order = PageOrder.of(in.layout(), bbox(in.layout()));
    List<Blob> blobs = arrays(in, o, order);
    byte[] header = header(in, o, blobs, order);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (OutputStream gz = new BestGzip(raw)) {
      ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length);
      gz.write(len.array());
      gz.write(header);
      gz.write(new byte[pad(4 + header.length)]);
      for (Blob b : blobs) {
        gz.write(b.bytes);
        gz.write(new byte[pad(b.bytes.length)]);
      }
    }
    return raw.toByteArray();
  }

  /** gzip at the best compression level: the report is written once and read many times. */
  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }

  private static int pad(int length) {
    return (4 - (length & 3)) & 3;
  }

  private static List<Blob> arrays(ReportInput in, HtmlReport.Options o, PageOrder order) {
    TopicModel m = in.model();
    Corpus corpus = m.data().corpus();
    int n = m.paperCount();
    List<Blob> out = new ArrayList<>();
    ByteBuffer x = le(2 * n);
    ByteBuffer y = le(2 * n);
    ByteBuffer topic = le(4 * n);
    ByteBuffer conf = le(n);
    ByteBuffer year = le(2 * n);
    for (int page = 0; page < n; page++) {
      int i = order.corpusOrd(page);
      x.putShort(order.x(i));
      y.putShort(order.y(i));
      topic.putInt(m.topicOf(i));
      conf.put((byte) Math.round(255 * m.confidence(i)));
      Paper p = corpus.get(i);
      int yr = p.date() != null ? p.date().getYear() : p.year() != null ? p.year() : 0;
      year.putShort((short) (yr >= 0 && yr <= 65535 ? yr : 0));
    }
    out.add(new Blob("x", "u16", n, x.array()));
    out.add(new Blob("y", "u16", n, y.array()));
    out.add(new Blob("topic", "i32", n, topic.array()));
    out.add(new Blob("conf", "u8", n, conf.array()));
    out.add(new Blob("year", "u16", n, year.array()));
    KnnGraph rel = in.related();
    int r = rel == null ? 0 : Math.min(o.relatedPerPaper(), rel.k());
    if (r > 0) {
      ByteBuffer ords = le(4 * n * r);
      ByteBuffer sims = le(n * r);
      for (int page = 0; page < n; page++) {
        int i = order.corpusOrd(page);
        for (int j = 0; j < r; j++) {
          boolean has = j < rel.count(i);
          ords.putInt(has ? PageOrder.zigzag(page, order.pageOrd(rel.neighbour(i, j))) : 0);
          sims.put((byte) (has ? Math.round(255 * Math.max(0, Math.min(1, rel.similarity(i, j)))) : 0));
        }
      }
      out.add(new Blob("rel", "u32", n * r, ords.array()));
      out.add(new Blob("relSim", "u8", n * r, sims.array()));
    }
    return out;
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** [minX, maxX, minY, maxY]; a degenerate side is widened to 1. */
  static float[] bbox(MapLayoutResult layout) {
    float[] b = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < layout.size(); i++) {
      b[0] = Math.min(b[0], layout.x(i));
      b[1] = Math.max(b[1], layout.x(i));
      b[2] = Math.min(b[2], layout.y(i));
      b[3] = Math.max(b[3], layout.y(i));
    }
    if (layout.size() == 0) {
      return new float[] {0, 1, 0, 1};
    }
    for (int a = 0; a < 4; a += 2) {
      if (!(b[a + 1] > b[a])) {
        b[a + 1] = b[a] + 1;
      }
    }
    return b;
  }

  /** A coordinate as 16 bits over its axis range (the page maps 0..65535 back to it). */
  static short quantize(float v, float min, float max) {
    return (short) Math.round((v - min) / (max - min) * 65535f);
  }

  private static byte[] header(ReportInput in, HtmlReport.Options o, List<Blob> blobs, PageOrder order)
      throws IOException {
    TopicModel m = in.model();
    Corpus corpus = m.data().corpus();
    int n = m.paperCount();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("order", "morton");
      g.writeStringField("title", o.title());
      g.writeNumberField("n", n);
      g.writeNumberField("k", m.topicCount());
      g.writeNumberField("outliers", m.outlierCount());
      float[] box = bbox(in.layout());
      g.writeArrayFieldStart("bbox");
      for (float v : box) {
        g.writeNumber(v);
      }
      g.writeEndArray();
      writeTopics(g, m, o, order);
      writeTree(g, m.hierarchy());
      writeTimeline(g, m);
      writeStrings(g, "ids", corpus, order, Paper::id);
      writeStrings(g, "titles", corpus, order, Paper::title);
      if (corpus.stream().anyMatch(p -> p.url() != null)) {
        writeStrings(g, "urls", corpus, order, p -> p.url() == null ? "" : p.url());
      }
      int chars = o.abstractChars() >= 0 ? o.abstractChars() : n <= HtmlReport.Options.ABSTRACTS_UP_TO ? 400 : 0;
      if (chars > 0) {
        writeStrings(g, "abstracts", corpus, order, p -> shorten(p.abstractText(), chars));
      }
      g.writeObjectFieldStart("arrays");
      int offset = 0;
      for (Blob b : blobs) {
        g.writeObjectFieldStart(b.name);
        g.writeStringField("t", b.type);
        g.writeNumberField("o", offset);
        g.writeNumberField("n", b.length);
        g.writeEndObject();
        offset += b.bytes.length + pad(b.bytes.length);
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** Labels shown per topic in the report: its most frequent primary labels. */
  static final int LABELS_PER_TOPIC = 3;

  private static void writeTopics(JsonGenerator g, TopicModel m, HtmlReport.Options o, PageOrder order)
      throws IOException {
    TopicCounts perLabel = TopicCounts.perLabel(m);
    g.writeArrayFieldStart("topics");
    for (Topic t : m.topics()) {
      g.writeStartObject();
      g.writeNumberField("id", t.id());
      g.writeStringField("label", t.label());
      g.writeNumberField("size", t.size());
      g.writeArrayFieldStart("kw");
      for (Keyword kw : t.keywords().subList(0, Math.min(o.keywordsPerTopic(), t.keywords().size()))) {
        g.writeStartArray();
        g.writeString(kw.term());
        g.writeNumber(round(kw.weight()));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rep");
      for (int r : t.representatives()) {
        g.writeNumber(order.pageOrd(r));
      }
      g.writeEndArray();
      writeTopLabels(g, perLabel, t.id());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code labels: [[label, papers]]}, most frequent first (ties: the column order), when any. */
  private static void writeTopLabels(JsonGenerator g, TopicCounts perLabel, int topic) throws IOException {
    int[] row = perLabel.row(topic);
    Integer[] order = new Integer[row.length];
    for (int c = 0; c < row.length; c++) {
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(row[b], row[a]));
    g.writeArrayFieldStart("labels");
    for (int i = 0; i < Math.min(LABELS_PER_TOPIC, row.length) && row[order[i]] > 0; i++) {
      g.writeStartArray();
      g.writeString(perLabel.columns().get(order[i]));
      g.writeNumber(row[order[i]]);
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** One string per paper, in page order. */
  private static void writeStrings(
      JsonGenerator g, String name, Corpus corpus, PageOrder order, java.util.function.Function<Paper, String> f)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (int page = 0; page < order.size(); page++) {
      g.writeString(f.apply(corpus.get(order.corpusOrd(page))));
    }
    g.writeEndArray();
  }

  private static void writeTree(JsonGenerator g, TopicHierarchy h) throws IOException {
    g.writeArrayFieldStart("tree");
    for (TopicHierarchy.Merge mg : h.merges()) {
      g.writeStartArray();
      g.writeNumber(mg.left());
      g.writeNumber(mg.right());
      g.writeNumber(round(mg.distance()));
      g.writeNumber(mg.size());
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** Counts per month when the dated papers span at most 36 months, else per year; null if none dated. */
  private static void writeTimeline(JsonGenerator g, TopicModel m) throws IOException {
    TopicCounts c = TopicCounts.overTime(m, TopicCounts.Period.MONTH);
    if (c.columns().isEmpty() || c.columns().size() > 36 || c.missing() > m.paperCount() / 2) {
      c = TopicCounts.overTime(m, TopicCounts.Period.YEAR);
    }
    if (c.columns().isEmpty()) {
      g.writeNullField("time");
      return;
    }
    g.writeObjectFieldStart("time");
    g.writeArrayFieldStart("cols");
    for (String col : c.columns()) {
      g.writeString(col);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rows");
    for (int t = 0; t <= m.topicCount(); t++) {
      int[] row = c.row(t == m.topicCount() ? ClusterMetric.NOISE : t);
      g.writeArray(row, 0, row.length);
    }
    g.writeEndArray();
    g.writeNumberField("missing", c.missing());
    g.writeEndObject();
  }

  /** The first {@code chars} code points of {@code s}, with "…" when cut. */
  static String shorten(String s, int chars) {
    if (s.codePointCount(0, s.length()) <= chars) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, chars)) + "…";
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
  }
}
