package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the CLI knows about where its output goes: whether standard output and standard error are
 * terminals (a table and a redrawn bar for people, JSON Lines and periodic lines for files and pipes),
 * and how wide the terminal is.
 *
 * <p>Java has no isatty for one stream: on Linux the file descriptor's link under {@code /proc/self/fd}
 * names the terminal ({@code /dev/pts/3}); elsewhere {@link System#console()} (a terminal on both
 * standard input and output) stands in. {@code TERM=dumb} means no terminal.
 *
 * @param stdout whether standard output is a terminal
 * @param stderr whether standard error is a terminal
 * @param columns the terminal's width ({@code COLUMNS}, else 100)
 */
record Terminal(boolean stdout, boolean stderr, int columns) {
  /** Neither stream is a terminal; 100 columns (tests, and every output that is not a terminal). */
  static final Terminal NONE = new Terminal(false, false, 100);

  /** The process' own streams. */
  static Terminal detect() {
    boolean dumb = "dumb".equals(System.getenv("TERM"));
    boolean console = consoleIsTerminal();
    return new Terminal(
        !dumb && isTerminal(1, console), !dumb && isTerminal(2, console), columns(System.getenv("COLUMNS")));
  }

  static int columns(String env) {
    try {
      int c = env == null ? 100 : Integer.parseInt(env.strip());
      return Math.max(40, Math.min(c, 400));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  private static boolean isTerminal(int fd, boolean fallback) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback;
    }
  }

  /**
   * Whether the JVM's console is a terminal. From JDK 22, {@code System.console()} may return a console
   * for redirected streams, and {@code Console.isTerminal()} (not in the Java 21 API we compile against)
   * tells the difference; it is called reflectively when present.
   */
  private static boolean consoleIsTerminal() {
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
}
