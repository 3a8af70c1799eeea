package org.papermap.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a topic report in headless Chromium and checks that it works: the page renders (the map canvas
 * has coloured pixels, the topic list has one entry per topic), clicking a topic and a point and
 * searching fill their panels, and the console shows no error. Saves a screenshot of the first paint
 * and one after clicking a point ({@code name-paper.png}) and reports the time
 * to first paint (the page's own mark: {@code performance.now()} after the first map draw, i.e. from
 * navigation start, parsing and inflating the data included).
 *
 * <p>Chromium is driven over the DevTools protocol with the JDK's WebSocket client, so nothing beyond the
 * {@code chromium} binary is needed; it runs with no network features and a fresh profile.
 *
 * <p>Usage: {@code ReportBrowserCheck report.html screenshot.png}; exit status 1 when a check fails, 3
 * when Chromium is not installed.
 */
public final class ReportBrowserCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration STEP = Duration.ofSeconds(30);

  private ReportBrowserCheck() {}

  /**
   * What the check saw.
   *
   * @param firstPaintMs ms from navigation start to the end of the first map draw
   * @param firstContentfulPaintMs the browser's first-contentful-paint entry (the page chrome, before the
   *     map), or -1 when it reports none
   * @param decodeMs ms from navigation start to the data being inflated and parsed
   * @param decodeSteps ms from navigation start at the end of each decoding step (base64, inflate,
   *     parse), as the page measured them
   * @param papers papers the page says it holds
   * @param topicItems entries in the topic list
   * @param colouredPixels canvas pixels that are not background
   * @param topicPanel the topic detail's heading after clicking the first topic
   * @param paperPanel the paper panel's heading after clicking a point on the map
   * @param searchResults papers listed after searching the first topic's best keyword
   * @param consoleErrors console errors, uncaught exceptions and error log entries
   */
  public record Result(
      double firstPaintMs,
      double firstContentfulPaintMs,
      double decodeMs,
      String decodeSteps,
      int papers,
      int topicItems,
      long colouredPixels,
      String topicPanel,
      String paperPanel,
      int searchResults,
      List<String> consoleErrors) {

    /** Whether every check passed for a report with {@code topics} topics. */
    public boolean ok(int topics) {
      return consoleErrors.isEmpty() && topicItems == topics && colouredPixels > 0
          && !topicPanel.isEmpty() && !paperPanel.isEmpty() && searchResults > 0;
    }
  }

  /**
   * The Chromium binary: {@code $PAPERMAP_CHROMIUM}, else {@code /usr/bin/chromium} or {@code
   * chromium-browser}; none when {@code PAPERMAP_CHROMIUM=none} (to skip browser checks).
   */
  public static Optional<Path> findChromium() {
    String env = System.getenv("PAPERMAP_CHROMIUM");
    if ("none".equals(env)) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("/usr/bin/chromium"));
    candidates.add(Path.of("/usr/bin/chromium-browser"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Loads {@code html} in headless {@code chromium} (1280×800), runs the checks, writes a PNG. */
  public static Result check(Path chromium, Path html, Path screenshot) throws IOException {
    Path profile = Files.createTempDirectory("papermap-chromium");
    Process browser =
        new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,800",
            "about:blank")
            .redirectErrorStream(true)
            .start();
    try {
      URI browserWs = devToolsUrl(browser);
      URI pageWs = pageTarget(browserWs);
      try (DevToolsSession page = DevToolsSession.connect(pageWs, STEP)) {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onEvent(e -> collectError(e, errors));
        page.call("Runtime.enable", Map.of(), STEP);
        page.call("Log.enable", Map.of(), STEP);
        page.call("Page.enable", Map.of(), STEP);
        page.call("Emulation.setDeviceMetricsOverride",
            Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false), STEP);
        page.call("Page.navigate", Map.of("url", html.toAbsolutePath().toUri().toString()), STEP);
        waitFor(page, "document.body && (document.body.dataset.ready === '1' || !document.getElementById('error').hidden)",
            Duration.ofMinutes(3));
        double firstPaint = page.evaluate("window.__pm ? window.__pm.firstPaintMs : -1", STEP).asDouble();
        double decode = page.evaluate("window.__pmDecodeMs || -1", STEP).asDouble();
        double fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime",
            STEP).asDouble();
        int papers = page.evaluate("window.__pm ? window.__pm.papers : 0", STEP).asInt();
        String steps = page.evaluate("JSON.stringify(window.__pm ? window.__pm.timings : {})", STEP).asText();
        int items = page.evaluate("document.querySelectorAll('.topic-item').length", STEP).asInt();
        long pixels = page.evaluate(COUNT_PIXELS, STEP).asLong();
        capture(page, screenshot);

        String topicPanel = "";
        String paperPanel = "";
        int results = 0;
        if (items > 0) {
          page.evaluate("document.querySelector('.topic-item').click()", STEP);
          topicPanel = page.evaluate("document.querySelector('#topic-detail h2')?.textContent || ''", STEP).asText();
          page.evaluate("document.getElementById('reset').click()", STEP);
          JsonNode at = page.evaluate("window.__pm.locate(0)", STEP);
          click(page, at.get(0).asDouble(), at.get(1).asDouble());
          paperPanel = page.evaluate("document.querySelector('#paper h2')?.textContent || ''", STEP).asText();
          capture(page, sibling(screenshot, "-paper"));
          String keyword = page.evaluate("window.__pm.keyword(0)", STEP).asText();
          page.evaluate("(() => { const s = document.getElementById('search'); s.value = "
              + JSON.writeValueAsString(keyword.split(" ")[0]) + "; s.dispatchEvent(new Event('input')); })()", STEP);
          waitFor(page, "document.querySelectorAll('#results .plist li').length > 0", Duration.ofSeconds(10));
          results = page.evaluate("document.querySelectorAll('#results .plist li').length", STEP).asInt();
        }
        return new Result(firstPaint, fcp, decode, steps, papers, items, pixels, topicPanel, paperPanel, results, List.copyOf(errors));
      }
    } finally {
      stop(browser);
      deleteTree(profile);
    }
  }

  private static void stop(Process browser) throws IOException {
    // Chromium's helpers (zygote, renderers, crashpad) outlive the main process and keep writing into the
    // profile folder; stop them all before the folder is deleted.
    List<ProcessHandle> helpers = browser.descendants().toList();
    browser.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!browser.waitFor(10, TimeUnit.SECONDS)) {
        browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle h : helpers) {
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          h.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      browser.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping Chromium", e);
    }
  }

  private static final String COUNT_PIXELS =
      "(() => { const c = document.getElementById('map'); if (!c.width) return 0;"
          + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
          + " for (let i = 0; i < d.length; i += 4) if (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255) n++;"
          + " return n; })()";

  private static void collectError(JsonNode e, List<String> errors) {
    String method = e.path("method").asText();
    JsonNode p = e.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
        }
      }
      default -> { }
    }
  }

  private static void click(DevToolsSession page, double x, double y) throws IOException {
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      page.call("Input.dispatchMouseEvent",
          Map.of("type", type, "x", x, "y", y, "button", type.equals("mouseMoved") ? "none" : "left",
              "clickCount", 1), STEP);
    }
  }

  private static void capture(DevToolsSession page, Path png) throws IOException {
    JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"), STEP);
    Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** {@code dir/name.png} → {@code dir/name<suffix>.png}. */
  static Path sibling(Path png, String suffix) {
    String name = png.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return png.resolveSibling(stem + suffix + (dot > 0 ? name.substring(dot) : ".png"));
  }

  private static void waitFor(DevToolsSession page, String condition, Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!page.evaluate("!!(" + condition + ")", STEP).asBoolean()) {
      if (System.nanoTime() > end) {
        throw new IOException("timed out after " + timeout + " waiting for " + condition);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ie);
      }
    }
  }

  /** Reads Chromium's output until it prints its DevTools WebSocket address. */
  private static URI devToolsUrl(Process browser) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = DEVTOOLS.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the pipe from filling up
            }
          } catch (IOException ignored) {
            // the browser went away
          }
        });
        drain.setDaemon(true);
        drain.start();
        return URI.create(m.group(1));
      }
      seen.append(line).append('\n');
    }
    throw new IOException("Chromium exited without a DevTools address; it printed:\n" + seen);
  }

  /** The WebSocket address of the first page target, from {@code /json/list}. */
  private static URI pageTarget(URI browserWs) throws IOException {
    URI list = URI.create("http://" + browserWs.getHost() + ":" + browserWs.getPort() + "/json/list");
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(list).timeout(STEP).build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : JSON.readTree(r.body())) {
        if (t.path("type").asText().equals("page")) {
          return URI.create(t.get("webSocketDebuggerUrl").asText());
        }
      }
      throw new IOException("no page target in " + r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    // A helper killed a moment ago may still flush a file; a second pass after a short pause removes it.
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while deleting " + dir, ie);
        }
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ReportBrowserCheck report.html screenshot.png");
      System.exit(2);
    }
    Optional<Path> chromium = findChromium();
    if (chromium.isEmpty()) {
      System.err.println("Chromium not found (install Debian's chromium or set PAPERMAP_CHROMIUM)");
      System.exit(3);
    }
    Path html = Path.of(args[0]);
    Result r = check(chromium.get(), html, Path.of(args[1]));
    System.out.printf(Locale.ROOT,
        "file %,d bytes; papers %,d; map painted at %.0f ms (first contentful paint %.0f ms, data decoded at %.0f ms:"
            + " %s); topic items %d;"
            + " coloured pixels %,d; topic panel '%s'; paper panel '%s'; search results %d; console errors %d%n",
        Files.size(html), r.papers(), r.firstPaintMs(), r.firstContentfulPaintMs(), r.decodeMs(), r.decodeSteps(), r.topicItems(), r.colouredPixels(),
        r.topicPanel(), r.paperPanel(), r.searchResults(), r.consoleErrors().size());
    r.consoleErrors().forEach(e -> System.out.println("  " + e));
    boolean ok = r.consoleErrors().isEmpty() && r.topicItems() > 0 && r.colouredPixels() > 0
        && !r.topicPanel().isEmpty() && !r.paperPanel().isEmpty() && r.searchResults() > 0;
    System.exit(ok ? 0 : 1);
  }
}
