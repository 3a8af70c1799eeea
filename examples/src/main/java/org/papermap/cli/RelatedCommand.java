package org.papermap.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.QueryOptions;
import org.papermap.Representation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap related}: the most related papers of some or all papers. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap related (-i FILE... [READING] [MAP] | --map DIR [--representation R])",
      "                        (--id ID... | --all) [-k K] [--explain]",
      "                        [--format auto|table|jsonl] [-o FILE] [-q]",
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
    description = "For each query paper, its k most related papers (itself excluded): a table on a terminal,"
        + " JSON Lines otherwise.")
final class RelatedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  RelatedCommand(CliSession cli) {
    this.cli = cli;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  MapSource source;

  static final class Queries {
    @Option(names = "--id", arity = "1..*", paramLabel = "ID", description = "Ids of the query papers.")
    List<String> ids;

    @Option(names = "--all", description = "Every paper is a query.")
    boolean all;
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
    try (CliOutput out = result.open(cli, spec.commandLine())) {
      PaperMap m = source.load(spec.commandLine(), cli, read, build, progress);
      if (queries.ids != null) {
        for (String id : queries.ids) {
          if (m.corpus().ord(id) < 0) {
            throw new ParameterException(spec.commandLine(), "--id " + id + ": no paper with that id");
          }
        }
      }
      int others = m.corpus().size() - 1;
      if (result.k > others) {
        progress.note(String.format(
            "-k %d is more than the %d other paper(s); listing at most %d", result.k, others, others));
      }
      cli.step("finding related papers");
      Representation r = build.queryRepresentation() == null ? m.options().representation() : build.queryRepresentation();
      try (ResultWriter w = result.writer(out, m.corpus(), cli)) {
        if (queries.all) {
          List<List<PaperMap.Related>> all = m.relatedAll(result.k, result.explainTerms(), r, progress);
          cli.step("writing related papers");
          for (int ord = 0; ord < all.size(); ord++) {
            w.related(ord, all.get(ord));
          }
        } else {
          for (String id : queries.ids) {
            w.related(m.corpus().ord(id), m.related(id, QueryOptions.builder()
                .k(result.k).explainTerms(result.explainTerms()).representation(r).build()));
          }
        }
      }
      out.commit();
    }
    return 0;
  }
}
