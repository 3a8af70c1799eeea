package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Examples are documentation: every marked snippet in examples/ must appear verbatim in the README. */
class ReadmeSyncTest {
  private static final Pattern SNIPPET =
      Pattern.compile("// README:begin (\\S+)\\R(.*?)\\R\\s*// README:end \\1", Pattern.DOTALL);

  @Test
  void givenMarkedExampleSnippets_whenReadmeIsRead_thenEachAppearsVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int found = 0;
    try (var files = Files.walk(Path.of("src", "main", "java", "org", "papermap", "examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = SNIPPET.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          found++;
          String snippet = m.group(2).stripIndent().strip();
          assertTrue(
              readme.contains(snippet),
              "README.md lacks snippet '" + m.group(1) + "' of " + f + ":\n" + snippet);
        }
      }
    }
    assertTrue(found > 0, "no README snippets found in examples");
  }
}
