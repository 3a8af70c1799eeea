package org.papermap.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "OUT.jsonl", description = "Output file, or - for stdout (default).")
  String output;

  @Override
  public Integer call() throws IOException {
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "-k must be >= 1, got " + k);
    }
    PaperMap m = map.load(spec.commandLine(), spec.commandLine().getErr());
    if (queries.ids != null) {
      for (String id : queries.ids) {
        if (m.corpus().ord(id) < 0) {
          throw new ParameterException(spec.commandLine(), "--id " + id + ": no paper with that id");
        }
      }
    }
    int explainTerms = explain ? 5 : 0;
    try (Output out = Output.open(output, spec.commandLine())) {
      try (NeighboursWriter w = new NeighboursWriter(out.stream())) {
        if (queries.all) {
          List<List<PaperMap.Related>> all = m.relatedAll(k, explainTerms);
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

  /** A stdout or an atomically replaced file. */
  static final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final Path tmp;
    private final Path target;

    private Output(OutputStream stream, Path tmp, Path target) {
      this.stream = stream;
      this.tmp = tmp;
      this.target = target;
    }

    static Output open(String output, picocli.CommandLine cmd) throws IOException {
      if ("-".equals(output)) {
        return new Output(new BufferedOutputStream(new java.io.FilterOutputStream(System.out) {
          @Override
          public void close() throws IOException {
            flush();
          }
        }), null, null);
      }
      Path target = Path.of(output).toAbsolutePath();
      if (!Files.isDirectory(target.getParent())) {
        throw new ParameterException(cmd, "--output " + output + ": directory " + target.getParent() + " does not exist");
      }
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      return new Output(new BufferedOutputStream(Files.newOutputStream(tmp)), tmp, target);
    }

    OutputStream stream() {
      return stream;
    }

    void commit() throws IOException {
      if (tmp != null) {
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    }

    @Override
    public void close() throws IOException {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
