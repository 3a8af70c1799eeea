package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.io.MapWriter;
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

  private final CliSession cli;

  BuildCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin MapOptions map;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to save the map in: new, empty, or holding a map (replaced only with --force).")
  String out;

  @Option(names = "--force", description = "Replace the map already saved in --out.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (map.source.map != null) {
      throw new ParameterException(spec.commandLine(), "build needs --input (a --map is already built)");
    }
    Path dir = checkOut();
    PaperMap m = map.load(spec.commandLine(), cli);
    cli.step("saving the map to " + out);
    m.save(dir);
    spec.commandLine().getErr().println("papermap: built " + m + " -> " + out);
    return 0;
  }

  /** Everything that would make the save fail or destroy something, checked before the build starts. */
  private Path checkOut() throws IOException {
    if (out.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--out must not be empty");
    }
    Path dir = Path.of(out);
    if (PaperMap.isMap(dir) && !force) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " already holds a map; add --force to replace it");
    }
    try {
      MapWriter.checkTarget(dir);
    } catch (IOException e) {
      throw new IOException("--out: " + e.getMessage(), e);
    }
    Path outAbs = real(dir);
    for (Path input : map.source.inputs) {
      if (real(input).startsWith(outAbs)) {
        throw new ParameterException(
            spec.commandLine(), "--input " + input + " is inside --out " + out + ", which the save would replace");
      }
    }
    return dir;
  }

  /** The path with links resolved as far as it exists, absolute and normalized. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
