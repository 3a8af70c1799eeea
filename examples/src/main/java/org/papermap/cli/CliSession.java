package org.papermap.cli;

import java.io.OutputStream;

/**
 * What one run of the CLI shares with its commands: where standard output goes (the file descriptor,
 * so write errors are seen) and the step being run (named when memory runs out). Commands get it in
 * their constructor.
 *
 * <p>Thread-safety: the step may be set and read from any thread.
 */
final class CliSession {
  private final OutputStream stdout;
  private volatile String step = "starting";

  CliSession(OutputStream stdout) {
    this.stdout = stdout;
  }

  /** Where data output goes for {@code -o -}: standard output, unbuffered and with its errors. */
  OutputStream stdout() {
    return stdout;
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
