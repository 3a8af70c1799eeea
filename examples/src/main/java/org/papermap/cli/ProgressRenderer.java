package org.papermap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.papermap.progress.ProgressListener;

/**
 * The library's progress on stderr. On a terminal ({@link Mode#BAR}) a step that runs longer than a
 * second gets a bar redrawn in place, replaced by one line when the step ends; shorter steps print
 * nothing. Otherwise ({@link Mode#LINES}: a file, a pipe, a CI log) a step prints a line every {@value
 * #LINE_EVERY_SECONDS} seconds while it runs and one line when it ends, so that a log shows every
 * step and how long it took. Notes are printed in every mode, {@link Mode#QUIET} included.
 *
 * <p>Lines: {@code papermap: tf-idf: 45% (12,000 of 27,000 papers), 9.2 s} while running, {@code
 * papermap: tf-idf: 27,000 papers in 12.3 s} at the end, {@code papermap: note: ...} for a note.
 *
 * <p>Thread-safety: safe; calls are serialized.
 */
final class ProgressRenderer implements ProgressListener {
  /** How progress is shown. */
  enum Mode {
    /** A bar redrawn in place (standard error is a terminal). */
    BAR,
    /** A line every few seconds and at the end of each step. */
    LINES,
    /** Nothing but notes ({@code --quiet}). */
    QUIET
  }

  static final long LINE_EVERY_SECONDS = 5;
  private static final long SECOND = 1_000_000_000L;
  private static final long QUIET_NANOS = SECOND;
  private static final long BAR_EVERY_NANOS = SECOND / 10;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final Mode mode;
  private final LongSupplier clock;

  private String step;
  private long total;
  private String unit;
  private long done;
  private long start;
  private long lastPrint;
  private int barLength;

  ProgressRenderer(PrintWriter err, Mode mode, LongSupplier clock) {
    this.err = err;
    this.mode = mode;
    this.clock = clock;
  }

  /** The renderer for this session: a bar on a terminal, lines otherwise, nothing but notes when quiet. */
  static ProgressRenderer on(PrintWriter err, CliSession session, boolean quiet) {
    Mode mode = quiet ? Mode.QUIET : session.terminal().stderr() ? Mode.BAR : Mode.LINES;
    return new ProgressRenderer(err, mode, session.nanoClock());
  }

  @Override
  public synchronized void begin(String step, long total, String unit) {
    clearBar();
    this.step = step;
    this.total = total;
    this.unit = unit;
    this.done = 0;
    this.start = clock.getAsLong();
    this.lastPrint = start;
  }

  @Override
  public synchronized void advance(String step, long done) {
    this.done = done;
    long now = clock.getAsLong();
    if (mode == Mode.BAR && now - start >= QUIET_NANOS && now - lastPrint >= BAR_EVERY_NANOS) {
      lastPrint = now;
      drawBar(now);
    } else if (mode == Mode.LINES && now - lastPrint >= LINE_EVERY_SECONDS * SECOND) {
      lastPrint = now;
      err.printf(Locale.ROOT, "papermap: %s: %s, %s%n", step, soFar(), seconds(now - start));
      err.flush();
    }
  }

  @Override
  public synchronized void end(String step) {
    long now = clock.getAsLong();
    boolean shown = barLength > 0;
    clearBar();
    if (mode == Mode.LINES || (mode == Mode.BAR && (shown || now - start >= QUIET_NANOS))) {
      err.printf(Locale.ROOT, "papermap: %s: %s in %s%n", step, count(), seconds(now - start));
      err.flush();
    }
    this.step = null;
  }

  @Override
  public synchronized void note(String message) {
    clearBar();
    err.println("papermap: note: " + message);
    err.flush();
  }

  /** The stream progress goes to (for the read report that follows the read). */
  PrintWriter err() {
    return err;
  }

  /** Ends a bar line, if one is drawn (before an error message, say). */
  synchronized void finish() {
    clearBar();
  }

  private void drawBar(long now) {
    StringBuilder line = new StringBuilder("\r").append(step).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
    }
    line.append(soFar()).append(", ").append(seconds(now - start));
    int length = line.length() - 1;
    // Blank out what is left of a longer previous line.
    line.append(" ".repeat(Math.max(0, barLength - length)));
    barLength = length;
    err.print(line);
    err.flush();
  }

  private void clearBar() {
    if (barLength > 0) {
      err.print("\r" + " ".repeat(barLength) + "\r");
      err.flush();
      barLength = 0;
    }
  }

  /** "45% (12,000 of 27,000 papers)", or "12,000 papers" when the total is unknown. */
  private String soFar() {
    if (total > 0) {
      return String.format(Locale.ROOT, "%d%% (%s)", Math.min(100, 100 * done / total), count());
    }
    return count();
  }

  /** "27,000 papers", "12,000 of 27,000 papers" for a step that ended early, sizes for bytes. */
  private String count() {
    boolean partial = total > 0 && done < total;
    if ("bytes".equals(unit)) {
      return partial ? bytes(done) + " of " + bytes(total) : bytes(done);
    }
    return partial
        ? String.format(Locale.ROOT, "%,d of %,d %s", done, total, unit)
        : String.format(Locale.ROOT, "%,d %s", done, done == 1 ? singular(unit) : unit);
  }

  /** "papers" → "paper", "queries" → "query", "passes" → "pass". */
  static String singular(String unit) {
    if (unit.endsWith("ies")) {
      return unit.substring(0, unit.length() - 3) + "y";
    }
    if (unit.endsWith("sses")) {
      return unit.substring(0, unit.length() - 2);
    }
    return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
    if (b < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", b / (1024.0 * 1024 * 1024));
  }

  static String seconds(long nanos) {
    double s = nanos / 1e9;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long whole = Math.round(s);
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }
}
