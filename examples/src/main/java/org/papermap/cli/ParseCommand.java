package org.papermap.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.papermap.corpus.CorpusWriter;
import org.papermap.corpus.ReadResult;
import org.papermap.corpus.TextNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code papermap parse}: reads papers in any supported format and writes them as JSON Lines, with the
 * text as read (white space collapsed) unless {@code --normalize nfkc} is given.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap parse -i FILE... -o OUT.jsonl [--normalize none|nfkc] [READING]",
      "                      [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      ""
    },
    sortOptions = false,
    description =
        "Read papers (JSON Lines, CSV/Zotero, arXiv dump, Semantic Scholar, OpenAlex, BibTeX, RIS, plain-text"
            + " listings; .gz too) and write them as JSON Lines, text as read.")
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  ParseCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin Inputs inputs;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.jsonl",
      description = "Output file (a regular file, written all or nothing), or - for standard output.")
  String output;

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

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    // The output is checked before the input is read: a bad -o costs nothing.
    try (CliOutput out = CliOutput.open("-o", output, cli.stdout(), spec.commandLine())) {
      cli.step("reading papers");
      ReadResult result =
          input.read(inputs.files, quiet.renderer(spec.commandLine().getErr(), cli), normalize.normalization);
      cli.step("writing papers");
      try (CorpusWriter w = CorpusWriter.jsonl(out.stream())) {
        w.writeAll(result.corpus());
      }
      out.commit();
      if (!"-".equals(output)) {
        spec.commandLine()
            .getErr()
            .printf("papermap: wrote %d papers to %s%n", result.corpus().size(), output);
      }
    }
    return 0;
  }
}
