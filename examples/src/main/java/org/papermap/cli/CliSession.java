package org.papermap.cli;

import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * What one run of the CLI shares with its commands: where standard output goes (the file descriptor,
 * so write errors are seen), which streams are terminals, the clock that progress is timed by, and the
 * step being run (named when memory runs out). Commands get it in their constructor.
 *
 * <p>Thread-safety: the step may be set and read from any thread; the rest is immutable.
 */
final class CliSession {
  private final OutputStream stdout;
  private final Terminal terminal;
  private final LongSupplier nanoClock;
  private volatile String step = "starting";

  CliSession(OutputStream stdout, Terminal terminal, LongSupplier nanoClock) {
    this.stdout = stdout;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
  }

  /** Where data output goes for {@code -o -}: standard output, unbuffered and with its errors. */
  OutputStream stdout() {
    return stdout;
  }

  /** Which of standard output and standard error are terminals, and the terminal's width. */
  Terminal terminal() {
    return terminal;
  }

  /** Nanoseconds, for progress timing ({@link System#nanoTime} except in tests). */
  LongSupplier nanoClock() {
    return nanoClock;
  }

  /** Names what the command is doing, for the out-of-memory message ("building the map"). */
  void step(String what) {
    step = what;
  }

  /** The step being run. */
  String step() {
    return step;
  }
}
