package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Examples are documentation: every marked snippet in examples/ (the example classes and the example
 * project library-project/) must appear verbatim in the README.
 */
class ReadmeSyncTest {
  private static final Pattern SNIPPET =
      Pattern.compile("// README:begin (\\S+)\\R(.*?)\\R\\s*// README:end \\1", Pattern.DOTALL);

  @Test
  void givenMarkedExampleSnippets_whenReadmeIsRead_thenEachAppearsVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int found = 0;
    List<Path> sources = new java.util.ArrayList<>();
    for (Path root : List.of(Path.of("src", "main", "java", "org", "papermap", "examples"), Path.of("library-project", "src"))) {
      try (var files = Files.walk(root)) {
        sources.addAll(files.filter(p -> p.toString().endsWith(".java")).toList());
      }
    }
    for (Path f : sources) {
      Matcher m = SNIPPET.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        found++;
        String snippet = m.group(2).stripIndent().strip();
        assertTrue(
            readme.contains(snippet),
            "README.md lacks snippet '" + m.group(1) + "' of " + f + ":\n" + snippet);
      }
    }
    assertTrue(found > 0, "no README snippets found in examples");
  }

  @Test
  void givenTheExampleProject_whenItsPomIsRead_thenItDependsOnTheVersionBeingBuilt() throws IOException {
    String root = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
    String example = Files.readString(Path.of("library-project", "pom.xml"), StandardCharsets.UTF_8);
    Matcher version = Pattern.compile("<artifactId>papermap-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(root);
    assertTrue(version.find(), "the root pom's version");
    assertTrue(example.contains("<papermap.version>" + version.group(1) + "</papermap.version>"),
        "library-project/pom.xml must depend on papermap-core " + version.group(1));
  }
}
