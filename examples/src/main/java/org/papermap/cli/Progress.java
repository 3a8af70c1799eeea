package org.papermap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.papermap.corpus.ReadProgress;

/**
 * Reading progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a line every few
 * seconds. Quiet for the first second so that short inputs print nothing.
 */
final class Progress implements ReadProgress {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private static final long LINE_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastPrint;
  private boolean barShown;

  Progress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Progress on the given stream, drawn as a bar when the JVM runs on a terminal. */
  static Progress on(PrintWriter err) {
    return new Progress(err, onTerminal());
  }

  /**
   * Whether the JVM's console is a terminal. From JDK 22, {@code System.console()} may return a console
   * for redirected streams, and {@code Console.isTerminal()} (not in the Java 21 API we compile against)
   * tells the difference; it is called reflectively when present.
   */
  static boolean onTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a non-null console is a terminal.
    }
  }

  PrintWriter err() {
    return err;
  }

  @Override
  public void update(String source, long bytesRead, long bytesTotal, long papersRead) {
    long now = System.nanoTime();
    if (now - start < QUIET_NANOS || now - lastPrint < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
      return;
    }
    lastPrint = now;
    String pct =
        bytesTotal > 0 ? String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * bytesRead / bytesTotal)) : "";
    if (terminal) {
      int width = 30;
      int filled = bytesTotal > 0 ? (int) Math.min(width, width * bytesRead / bytesTotal) : 0;
      err.printf(
          Locale.ROOT,
          "\r%s [%s%s] %s %,d papers",
          source,
          "#".repeat(filled),
          " ".repeat(width - filled),
          pct,
          papersRead);
      barShown = true;
    } else {
      err.printf(Locale.ROOT, "papermap: reading %s %s %,d papers%n", source, pct, papersRead);
    }
    err.flush();
  }

  /** Ends the bar line, if one was drawn. */
  void done() {
    if (barShown) {
      err.println();
      err.flush();
      barShown = false;
    }
  }
}
