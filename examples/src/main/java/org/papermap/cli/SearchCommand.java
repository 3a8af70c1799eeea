package org.papermap.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.QueryOptions;
import org.papermap.progress.ProgressListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap search}: the papers that best match a free-text query, or each query of a file. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap search (-i FILE... [READING] [MAP] | --map DIR [--representation R])",
      "                       (--query TEXT | --queries FILE) [-k K] [--explain]",
      "                       [--format auto|table|jsonl] [-o FILE] [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      "ANALYSIS: --preset P, --ngrams MIN,MAX, --min-df X, --max-df X,",
      "          --max-features N, --[no-]sublinear, --stop-words LIST, --stemmer S,",
      "          --idf F, --title-weight W",
      "MAP:      --representation R, --index I, --lsa-dims D, WEIGHTS, ANALYSIS,",
      "          --threads N, --seed N",
      "WEIGHTS:  --hybrid-weight A, --smoothing K, --feedback N, --term-boost G",
      ""
    },
    sortOptions = false,
    description = "The k papers that best match a text (--query) or each line of a file (--queries): a table"
        + " on a terminal, JSON Lines otherwise, one record per query in input order.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  SearchCommand(CliSession cli) {
    this.cli = cli;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  MapSource source;

  static final class Queries {
    @Option(names = "--query", paramLabel = "TEXT", description = "The query text.")
    String query;

    @Option(
        names = "--queries",
        paramLabel = "FILE",
        description = "A UTF-8 file of queries, one per line (blank lines are skipped, with a note).")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
  Queries queries;

  @Mixin ResultOptions result;

  @Mixin InputOptions read;

  @Mixin MapOptions build;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    result.check(spec.commandLine());
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    List<String> texts = queries(progress);
    try (CliOutput out = result.open(cli, spec.commandLine())) {
      PaperMap m = source.load(spec.commandLine(), cli, read, build, progress);
      if (result.k > m.corpus().size()) {
        progress.note(String.format(
            "-k %d is more than the %d paper(s); listing at most %d", result.k, m.corpus().size(), m.corpus().size()));
      }
      cli.step("searching");
      QueryOptions asked = QueryOptions.builder()
          .k(result.k).explainTerms(result.explainTerms()).representation(build.queryRepresentation()).build();
      // A file of queries is a step of its own; one query is not worth a progress line.
      ProgressListener steps = queries.file != null ? progress : ProgressListener.NONE;
      try (ResultWriter w = result.writer(out, m.corpus(), cli)) {
        steps.begin("search", texts.size(), "queries");
        try {
          for (int i = 0; i < texts.size(); i++) {
            w.search(texts.get(i), m.search(texts.get(i), asked));
            steps.advance("search", i + 1);
          }
        } finally {
          steps.end("search");
        }
      }
      out.commit();
    }
    return 0;
  }

  /** The query, or the non-blank lines of the queries file (read before any work). */
  private List<String> queries(ProgressRenderer progress) throws IOException {
    if (queries.query != null) {
      if (queries.query.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--query must not be blank");
      }
      return List.of(queries.query);
    }
    Path file = queries.file;
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("--queries " + file + ": not UTF-8 text", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("--queries " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IOException("--queries " + file + ": " + e.getMessage(), e);
    }
    List<String> lines = new ArrayList<>();
    int blank = 0;
    for (String line : text.split("\\R", -1)) {
      if (line.isBlank()) {
        blank++;
      } else {
        lines.add(line.strip());
      }
    }
    // The line break that ends the last line is not a blank line.
    if (text.endsWith("\n") || text.endsWith("\r")) {
      blank--;
    }
    if (lines.isEmpty()) {
      throw new IOException("--queries " + file + ": no query (the file has no line that is not blank)");
    }
    if (blank > 0) {
      progress.note("--queries " + file + ": skipped " + blank + " blank line" + (blank == 1 ? "" : "s"));
    }
    return lines;
  }
}
