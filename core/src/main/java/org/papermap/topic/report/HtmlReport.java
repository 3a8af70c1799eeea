package org.papermap.topic.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a topic report as one self-contained HTML file: no network access, inline CSS and JavaScript,
 * no external library. The page shows the topic list (labels, keywords, sizes, representative papers),
 * a 2-D map of every paper coloured by topic (canvas, pan and zoom, hover and click), the topic
 * hierarchy, topics over time, a search over titles and keywords, and each paper's related papers.
 *
 * <p>The data is embedded once, gzip-compressed and base64-encoded ({@link ReportPayload}); the page
 * inflates it with the browser's {@code DecompressionStream} and views the per-paper numbers as typed
 * arrays, so it stays usable at 100,000 papers.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class HtmlReport {
  private static final String RESOURCES = "/org/papermap/topic/report/";
  /** The page's script, by role, concatenated in this order into one function scope. */
  private static final List<String> SCRIPTS =
      List.of("report-data.js", "report-map.js", "report-panels.js", "report-main.js");

  private HtmlReport() {}

  /**
   * Writes the report to {@code out} (not closed).
   *
   * @throws IOException if writing fails
   */
  public static void write(ReportInput input, Options options, Writer out) throws IOException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    String data = Base64.getEncoder().encodeToString(ReportPayload.encode(input, options));
    String page = resource("report.html");
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("{{TITLE}}", escapeHtml(options.title()));
    parts.put("{{CSS}}", resource("report.css"));
    StringBuilder js = new StringBuilder();
    for (String part : SCRIPTS) {
      js.append(resource(part)).append('\n');
    }
    parts.put("{{JS}}", js.toString());
    parts.put("{{DATA}}", data);
    // the template's placeholders in order of appearance (the CSS, JS and data hold none)
    int at = 0;
    for (int i = page.indexOf("{{", at); i >= 0; i = page.indexOf("{{", at)) {
      int end = page.indexOf("}}", i);
      String key = end < 0 ? null : page.substring(i, end + 2);
      String value = key == null ? null : parts.get(key);
      if (value == null) {
        throw new IllegalStateException("report template has an unknown placeholder at " + i);
      }
      out.write(page, at, i - at);
      out.write(value);
      at = end + 2;
    }
    out.write(page, at, page.length() - at);
    out.flush();
  }

  /**
   * Writes the report to {@code file} atomically (a temporary file in the same directory, then renamed).
   *
   * @throws IOException if writing fails (the target is then left unchanged)
   */
  public static void write(ReportInput input, Options options, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        write(input, options, w);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing report resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report resource " + name, e);
    }
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Report settings.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param title the page title
   * @param relatedPerPaper related papers embedded per paper, in [0, 50] (at most the graph's k)
   * @param keywordsPerTopic keywords shown per topic, in [1, 50]
   * @param abstractChars abstract characters embedded per paper, in [0, 100000], or -1 for 400 up to
   *     {@value #ABSTRACTS_UP_TO} papers and none above (abstracts dominate the file size)
   */
  public record Options(String title, int relatedPerPaper, int keywordsPerTopic, int abstractChars) {
    /** Papers up to which abstracts are embedded by default. */
    public static final int ABSTRACTS_UP_TO = 20_000;

    public static final String DEFAULT_TITLE = "PaperMap topics";
    public static final int DEFAULT_RELATED_PER_PAPER = 10;
    public static final int DEFAULT_KEYWORDS_PER_TOPIC = 10;
    public static final int DEFAULT_ABSTRACT_CHARS = -1;

    public Options {
      Objects.requireNonNull(title, "title");
      if (relatedPerPaper < 0 || relatedPerPaper > 50) {
        throw new IllegalArgumentException("relatedPerPaper must be in [0, 50], got " + relatedPerPaper);
      }
      if (keywordsPerTopic < 1 || keywordsPerTopic > 50) {
        throw new IllegalArgumentException("keywordsPerTopic must be in [1, 50], got " + keywordsPerTopic);
      }
      if (abstractChars < -1 || abstractChars > 100_000) {
        throw new IllegalArgumentException(
            "abstractChars must be -1 (automatic) or in [0, 100000], got " + abstractChars);
      }
    }

    /** The defaults with this title. */
    public static Options titled(String title) {
      return new Options(title, DEFAULT_RELATED_PER_PAPER, DEFAULT_KEYWORDS_PER_TOPIC, DEFAULT_ABSTRACT_CHARS);
    }

    /** The defaults. */
    public static Options defaults() {
      return titled(DEFAULT_TITLE);
    }

    public Options withAbstractChars(int chars) {
      return new Options(title, relatedPerPaper, keywordsPerTopic, chars);
    }

    public Options withRelatedPerPaper(int related) {
      return new Options(title, related, keywordsPerTopic, abstractChars);
    }
  }
}
