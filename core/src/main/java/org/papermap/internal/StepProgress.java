package org.papermap.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.papermap.progress.ProgressListener;

/**
 * One step reported to a {@link ProgressListener}: {@link #begin} reports its start, {@link #add} and
 * {@link #update} count work from any thread, and {@link #close} reports its end. The listener hears
 * about once per percent of the total (every {@value #UNKNOWN_TOTAL_EVERY} units when the total is
 * unknown), one call at a time, with counts that never go down.
 *
 * <p>Thread-safety: {@link #add} and {@link #update} may be called from any thread; the listener's
 * calls are serialized by this object.
 */
public final class StepProgress implements AutoCloseable {
  static final long UNKNOWN_TOTAL_EVERY = 1024;

  private final ProgressListener listener;
  private final String step;
  private final long total;
  private final long every;
  private final AtomicLong done = new AtomicLong();
  private long reported;
  private volatile long nextReport;
  private boolean closed;

  private StepProgress(ProgressListener listener, String step, long total) {
    this.listener = listener;
    this.step = step;
    this.total = total;
    this.every = total > 0 ? Math.max(1, total / 100) : UNKNOWN_TOTAL_EVERY;
    this.nextReport = every;
  }

  /**
   * Reports the start of {@code step} to {@code listener}.
   *
   * @param total units of work, or -1 when unknown
   */
  public static StepProgress begin(ProgressListener listener, String step, long total, String unit) {
    Objects.requireNonNull(listener, "progress");
    StepProgress p = new StepProgress(listener, Objects.requireNonNull(step, "step"), total);
    listener.begin(step, total, unit);
    return p;
  }

  /** The listener this step reports to (for the notes of the step). */
  public ProgressListener listener() {
    return listener;
  }

  /** Counts {@code units} more units of work done. */
  public void add(long units) {
    long d = done.addAndGet(units);
    if (d >= nextReport) {
      report(d);
    }
  }

  /** Sets the work done so far (a count that is lower than one already set is ignored). */
  public void update(long doneSoFar) {
    long d = done.accumulateAndGet(doneSoFar, Math::max);
    if (d >= nextReport) {
      report(d);
    }
  }

  private synchronized void report(long d) {
    if (closed || d <= reported || d < nextReport) {
      return;
    }
    reported = d;
    nextReport = d + every;
    listener.advance(step, total > 0 ? Math.min(d, total) : d);
  }

  /** Reports the final count (if not reported yet) and the end of the step. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    long d = done.get();
    if (d > reported) {
      reported = d;
      listener.advance(step, total > 0 ? Math.min(d, total) : d);
    }
    closed = true;
    listener.end(step);
  }
}
