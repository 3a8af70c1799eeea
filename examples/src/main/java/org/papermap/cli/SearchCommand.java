package org.papermap.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code papermap search}: the papers that best match a free-text query. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "The k papers that best match a text, as one JSON line.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliSession cli;

  SearchCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin MapOptions map;

  @Option(names = "--query", required = true, paramLabel = "TEXT", description = "The query text.")
  String query;

  @Option(names = "-k", defaultValue = "10", description = "Number of papers (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--explain", description = "Add the shared terms that contribute most to each score.")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "-k must be >= 1, got " + k);
    }
    if (query.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--query must not be blank");
    }
    PaperMap m = map.load(spec.commandLine(), cli);
    if (k > m.corpus().size()) {
      spec.commandLine().getErr().printf(
          "papermap: note: -k %d is more than the %d paper(s); listing at most %d%n", k, m.corpus().size(), m.corpus().size());
    }
    cli.step("searching");
    List<PaperMap.Related> hits = m.search(query, k, explain ? 5 : 0);
    try (CliOutput out = CliOutput.open("-o", "-", cli.stdout(), spec.commandLine())) {
      try (NeighboursWriter w = new NeighboursWriter(out.stream())) {
        w.write(null, query, hits);
      }
      out.commit();
    }
    return 0;
  }
}
