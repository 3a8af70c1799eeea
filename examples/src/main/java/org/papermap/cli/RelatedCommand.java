package org.papermap.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code papermap related}: the most related papers of some or all papers. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = "For each query paper, its k most related papers (itself excluded) as JSON Lines.")
final class RelatedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliSession cli;

  RelatedCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin MapOptions map;

  static final class Queries {
    @Option(names = "--id", arity = "1..*", paramLabel = "ID", description = "Ids of the query papers.")
    List<String> ids;

    @Option(names = "--all", description = "Every paper is a query.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Queries queries;

  @Option(names = "-k", defaultValue = "10", description = "Neighbours per paper (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--explain", description = "Add the shared terms that contribute most to each score.")
  boolean explain;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "OUT.jsonl", description = "Output file (a regular file, written all or nothing), or - for stdout (default).")
  String output;

  @Override
  public Integer call() throws IOException {
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "-k must be >= 1, got " + k);
    }
    try (CliOutput out = CliOutput.open("-o", output, cli.stdout(), spec.commandLine())) {
      PaperMap m = map.load(spec.commandLine(), cli);
      if (queries.ids != null) {
        for (String id : queries.ids) {
          if (m.corpus().ord(id) < 0) {
            throw new ParameterException(spec.commandLine(), "--id " + id + ": no paper with that id");
          }
        }
      }
      int others = m.corpus().size() - 1;
      if (k > others) {
        spec.commandLine().getErr().printf(
            "papermap: note: -k %d is more than the %d other paper(s); listing at most %d%n", k, others, others);
      }
      int explainTerms = explain ? 5 : 0;
      cli.step("finding related papers");
      try (NeighboursWriter w = new NeighboursWriter(out.stream())) {
        if (queries.all) {
          List<List<PaperMap.Related>> all = m.relatedAll(k, explainTerms);
          cli.step("writing related papers");
          for (int ord = 0; ord < all.size(); ord++) {
            w.write(m.corpus().id(ord), null, all.get(ord));
          }
        } else {
          for (String id : queries.ids) {
            w.write(id, null, m.related(id, k, explainTerms));
          }
        }
      }
      out.commit();
    }
    return 0;
  }
}
