package org.papermap.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that records every call as a line ("begin tf-idf 12 papers", "advance tf-idf 5", "end
 * tf-idf", "note ..."), and checks the contract as it goes: steps neither nest nor overlap, counts
 * never go down nor past a known total, and calls never run concurrently.
 */
public final class RecordingListener implements ProgressListener {
  private final List<String> calls = new ArrayList<>();
  private String open;
  private long total;
  private long last;
  private boolean inCall;

  @Override
  public synchronized void begin(String step, long total, String unit) {
    enter();
    check(open == null, "begin " + step + " while " + open + " is open");
    open = step;
    this.total = total;
    last = 0;
    calls.add("begin " + step + " " + total + " " + unit);
    inCall = false;
  }

  @Override
  public synchronized void advance(String step, long done) {
    enter();
    check(step.equals(open), "advance " + step + " but the open step is " + open);
    check(done >= last, "advance " + step + " went down: " + last + " -> " + done);
    check(total < 0 || done <= total, "advance " + step + " past the total: " + done + " > " + total);
    last = done;
    calls.add("advance " + step + " " + done);
    inCall = false;
  }

  @Override
  public synchronized void end(String step) {
    enter();
    check(step.equals(open), "end " + step + " but the open step is " + open);
    open = null;
    calls.add("end " + step);
    inCall = false;
  }

  @Override
  public synchronized void note(String message) {
    calls.add("note " + message);
  }

  private void enter() {
    check(!inCall, "concurrent calls");
    inCall = true;
  }

  private void check(boolean ok, String what) {
    if (!ok) {
      calls.add("VIOLATION " + what);
      throw new AssertionError(what);
    }
  }

  /** Every call so far. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The names of the steps that began, in order. */
  public synchronized List<String> steps() {
    List<String> out = new ArrayList<>();
    for (String c : calls) {
      if (c.startsWith("begin ")) {
        String rest = c.substring(6);
        // "begin NAME TOTAL UNIT": the name may hold spaces ("sparse index").
        String[] parts = rest.split(" ");
        out.add(String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 2)));
      }
    }
    return out;
  }

  /** The last count reported for {@code step}, or -1. */
  public synchronized long lastDone(String step) {
    long d = -1;
    for (String c : calls) {
      if (c.startsWith("advance " + step + " ")) {
        d = Long.parseLong(c.substring(("advance " + step + " ").length()));
      }
    }
    return d;
  }

  /** The notes, in order. */
  public synchronized List<String> notes() {
    return calls.stream().filter(c -> c.startsWith("note ")).map(c -> c.substring(5)).toList();
  }

  /** Whether every step that began has ended. */
  public synchronized boolean allEnded() {
    return open == null;
  }
}
