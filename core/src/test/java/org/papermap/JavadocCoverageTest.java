package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the javadoc build does not check (its "missing" lint is off, see core/pom.xml): every package
 * has a description, and every public top-level type a javadoc comment.
 */
class JavadocCoverageTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)");

  @Test
  void givenEveryPackage_thenItHasAPackageInfoWithADescription() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasSources;
        try (Stream<Path> files = Files.list(dir)) {
          hasSources = files.anyMatch(f -> f.toString().endsWith(".java"));
        }
        Path info = dir.resolve("package-info.java");
        if (hasSources && (!Files.exists(info) || !Files.readString(info, StandardCharsets.UTF_8).contains("/**"))) {
          missing.add(SOURCES.relativize(dir).toString().replace('/', '.'));
        }
      }
    }
    assertEquals(List.of(), missing, "packages without a package-info.java description");
  }

  @Test
  void givenEveryPublicTopLevelType_thenItHasAJavadocComment() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = PUBLIC_TYPE.matcher(text);
        if (m.find()) {
          // The declaration, with any annotations above it, must follow the end of a javadoc comment.
          String before = text.substring(0, m.start()).replaceAll("(?s)(\\s*@\\w+(\\([^)]*\\))?)+\\s*$", "").stripTrailing();
          int open = before.lastIndexOf("/**");
          if (!before.endsWith("*/") || open < 0 || before.lastIndexOf("*/", before.length() - 3) > open) {
            missing.add(SOURCES.relativize(f).toString());
          }
        }
      }
    }
    assertEquals(List.of(), missing, "public types without a javadoc comment");
  }
}
