package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code papermap build}: vectorize and index papers once, save the map for 'related' and 'search'. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build a map (vectors and indexes) from papers and save it to a folder.")
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MapOptions map;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to save the map in (created if absent).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (map.source.map != null) {
      throw new ParameterException(spec.commandLine(), "build needs --input (a --map is already built)");
    }
    PaperMap m = map.load(spec.commandLine(), spec.commandLine().getErr());
    m.save(out);
    spec.commandLine().getErr().println("papermap: built " + m + " -> " + out);
    return 0;
  }
}
