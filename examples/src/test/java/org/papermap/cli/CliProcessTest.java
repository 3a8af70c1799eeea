package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.PaperMap;

/**
 * The CLI as a process (a child JVM, as bin/papermap runs it): a full standard output, too small a heap,
 * a file-size limit. Each ends with exit code 2 and one line on stderr (besides the JVM's own
 * "Using incubator modules" notice), and never harms a saved map.
 */
@Tag("slow")
class CliProcessTest {
  private static final String PAPER = "data/000_c6aaeef350361c33.txt";
  private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules";

  @TempDir Path tmp;

  private record Result(int code, List<String> errLines) {}

  private Result papermap(List<String> jvmOptions, String shellPrefix, File stdout, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-XX:-UsePerfData");
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PaperMapCli.class.getName());
    cmd.addAll(List.of(args));
    if (shellPrefix != null) {
      StringBuilder line = new StringBuilder(shellPrefix).append("; exec");
      for (String c : cmd) {
        line.append(" '").append(c.replace("'", "'\\''")).append('\'');
      }
      cmd = List.of("bash", "-c", line.toString());
    }
    Path err = tmp.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout != null ? stdout : tmp.resolve("stdout.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI ends");
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      // The JVM's own notice, and progress (a line per step when stderr is no terminal).
      if (!l.startsWith(INCUBATOR_NOTICE) && !PaperMapCliTest.isProgress(l)) {
        lines.add(l);
      }
    }
    return new Result(p.exitValue(), lines);
  }

  @Test
  void givenStdoutIsDevFull_whenParsedToStdout_thenOneLineAndExit2() throws Exception {
    Result r = papermap(List.of(), null, new File("/dev/full"), "parse", "-i", PAPER, "-o", "-");
    assertEquals(2, r.code(), r.errLines().toString());
    assertEquals(List.of("papermap: cannot write to standard output: No space left on device"), r.errLines());
  }

  @Test
  void givenTooSmallAHeap_whenBuilt_thenOneLineNamingTheStepAndHowToRaiseIt() throws Exception {
    Path big = tmp.resolve("big.jsonl");
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 40_000; i++) {
        w.write("{\"id\":\"p" + i + "\",\"title\":\"Paper " + i + " on topic " + (i % 97) + "\",\"abstract\":\"");
        for (int j = 0; j < 40; j++) {
          w.write("word" + ((i * 31 + j * 7) % 5003) + " ");
        }
        w.write("\"}\n");
      }
    }
    Result r = papermap(List.of("-Xmx32m"), null, null, "build", "--input", big.toString(), "-o", tmp.resolve("map").toString());
    assertEquals(2, r.code(), r.errLines().toString());
    assertEquals(1, r.errLines().size(), r.errLines().toString());
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("papermap: out of memory while "), line);
    assertTrue(line.contains("MiB in use of at most ") && line.contains("PAPERMAP_JAVA_OPTS=-Xmx"), line);
  }

  @Test
  void givenFileSizeLimitHitMidSave_whenRebuilt_thenOneLineNamingTheFileAndOldMapIntact() throws Exception {
    Path map = tmp.resolve("map");
    assertEquals(0, PaperMapCliTest.run("build", "--input", PAPER, "--representation", "tfidf", "-o", map.toString()).code());
    List<String> inputs = new ArrayList<>();
    for (Path p : DemoCommand.inputs(Path.of("data"))) {
      inputs.add(p.toString());
    }
    List<String> args = new ArrayList<>(List.of("build", "--input"));
    args.addAll(inputs);
    args.addAll(List.of("--representation", "tfidf", "-o", map.toString(), "--force"));
    // 64 KiB: the sample's corpus.jsonl alone is larger.
    Result r = papermap(List.of(), "ulimit -f 64", null, args.toArray(String[]::new));
    assertEquals(2, r.code(), r.errLines().toString());
    assertEquals(1, r.errLines().size(), r.errLines().toString());
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("papermap: " + map.toAbsolutePath()) && line.endsWith("corpus.jsonl: File too large"), line);
    try (PaperMap m = PaperMap.open(map)) {
      assertEquals(11, m.corpus().size(), "the previous map still opens");
    }
    try (var s = Files.list(map)) {
      assertEquals(3, s.count(), "the failed save left nothing behind");
    }
  }
}
