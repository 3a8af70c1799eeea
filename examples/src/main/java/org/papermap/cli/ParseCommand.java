package org.papermap.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.papermap.corpus.CorpusWriter;
import org.papermap.corpus.ReadResult;
import org.papermap.corpus.TextNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code papermap parse}: reads papers in any supported format and writes them as JSON Lines, with the
 * text as read (white space collapsed) unless {@code --normalize nfkc} is given.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description =
        "Read papers (JSON Lines, CSV/Zotero, arXiv dump, Semantic Scholar, OpenAlex, BibTeX, RIS, plain-text"
            + " listings; .gz too) and write them as JSON Lines, text as read.")
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Input files or folders (a folder: its supported files in name order), read in order.")
  List<Path> files;

  @Mixin InputOptions input;

  @Option(
      names = "--normalize",
      defaultValue = "none",
      paramLabel = "FORM",
      description =
          "Unicode normalization of the written text: none (default: the characters as read) or nfkc.")
  NormalizeOption normalize;

  /** The values of {@code --normalize}. */
  enum NormalizeOption {
    none(TextNormalization.NONE),
    nfkc(TextNormalization.NFKC);

    final TextNormalization normalization;

    NormalizeOption(TextNormalization normalization) {
      this.normalization = normalization;
    }
  }

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.jsonl",
      description = "Output file, or - for stdout.")
  String output;

  @Override
  public Integer call() throws IOException {
    ReadResult result = input.read(files, Progress.on(spec.commandLine().getErr()), normalize.normalization);
    if ("-".equals(output)) {
      OutputStream out = new BufferedOutputStream(System.out);
      CorpusWriter w = CorpusWriter.jsonl(new NonClosingOutputStream(out));
      w.writeAll(result.corpus());
      w.close();
      out.flush();
    } else {
      // Write beside the target and rename, so a failed run never leaves half a file.
      Path target = Path.of(output).toAbsolutePath();
      if (!Files.isDirectory(target.getParent())) {
        throw new IOException("--output " + output + ": directory " + target.getParent() + " does not exist");
      }
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      try {
        try (CorpusWriter w = CorpusWriter.jsonl(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
          w.writeAll(result.corpus());
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      spec.commandLine()
          .getErr()
          .printf("papermap: wrote %d papers to %s%n", result.corpus().size(), output);
    }
    return 0;
  }

  /** Lets the JSON writer close its generator without closing stdout. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
