package org.papermap.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.papermap.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Where a command writes its data: standard output ({@code -}) or a file written all or nothing. A file
 * must be a regular file: a device, a FIFO or a folder is refused; a symbolic link is written through
 * (the file it names is replaced, the link stays), and the command says so on stderr. Every write error
 * names the output and its cause, standard output included.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class CliOutput implements AutoCloseable {
  private final OutputStream stream;
  private final AtomicFile file;

  private CliOutput(OutputStream stream, AtomicFile file) {
    this.stream = stream;
    this.file = file;
  }

  /**
   * Opens {@code value} of {@code option}: {@code -} for {@code stdout}, else a file.
   *
   * @throws ParameterException if {@code value} is empty
   * @throws IOException naming the option and the path if the file cannot be written there
   */
  static CliOutput open(String option, String value, OutputStream stdout, CommandLine cmd) throws IOException {
    if ("-".equals(value)) {
      return new CliOutput(new BufferedOutputStream(stdoutWithErrors(stdout), 1 << 16), null);
    }
    AtomicFile f = file(option, value, cmd);
    return new CliOutput(new BufferedOutputStream(f.stream(), 1 << 16), f);
  }

  /** Starts an all-or-nothing write of the file {@code value} of {@code option}. */
  static AtomicFile file(String option, String value, CommandLine cmd) throws IOException {
    if (value.isEmpty()) {
      throw new ParameterException(cmd, option + " must not be empty");
    }
    AtomicFile f;
    try {
      f = AtomicFile.create(Path.of(value));
    } catch (IOException e) {
      String hint = e.getMessage().contains(" device;") ? " (use " + option + " - for standard output)" : "";
      throw new IOException(option + " " + e.getMessage() + hint, e);
    }
    if (f.throughSymlink()) {
      PrintWriter err = cmd.getErr();
      err.println("papermap: " + option + " " + value + " is a symbolic link: writing through it to " + f.target());
      err.flush();
    }
    return f;
  }

  /** The (buffered) data stream; closing it does not commit. */
  OutputStream stream() {
    return new FilterOutputStream(stream) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Flushes everything; for a file, replaces the target with it. */
  void commit() throws IOException {
    stream.flush();
    if (file != null) {
      file.commit();
    }
  }

  /** Drops a file that was not committed. */
  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  /** Standard output whose write errors say that it is standard output that failed. */
  static OutputStream stdoutWithErrors(OutputStream stdout) {
    return new FilterOutputStream(stdout) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new IOException("cannot write to standard output: " + e.getMessage(), e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw new IOException("cannot write to standard output: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
