package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

/**
 * A map rebuilt in place never answers wrongly: a rebuild killed at random points (a child JVM,
 * SIGKILL) leaves a folder that opens as the old map or the new one, and readers opening the map
 * while it is rebuilt see the old or the new answers, never a mix.
 */
@Tag("slow")
class MapFolderCrashTest {
  private static final int KILLS = 8;

  private static String queryId;
  private static PaperMap a;
  private static PaperMap b;
  private static List<PaperMap.Related> answerA;
  private static List<PaperMap.Related> answerB;

  @TempDir Path tmp;

  /** The seed listings. */
  static Corpus corpus() throws IOException {
    return SeedListings.corpus();
  }

  /** Map A: TF-IDF only (three files). */
  static PaperMap mapA(Corpus c) {
    return PaperMap.build(c, PaperMapOptions.builder().representation(Representation.TFIDF).build());
  }

  /** Map B: the papers in reverse order, hybrid with LSA (five files). */
  static PaperMap mapB(Corpus c) {
    List<Paper> reversed = new ArrayList<>();
    c.forEach(reversed::add);
    Collections.reverse(reversed);
    return PaperMap.build(Corpus.of(reversed), PaperMapOptions.builder().lsaDimensions(8).build());
  }

  @BeforeAll
  static void buildBoth() throws IOException {
    Corpus c = corpus();
    queryId = c.id(40);
    a = mapA(c);
    b = mapB(c);
    answerA = a.related(queryId, 5, 2);
    answerB = b.related(queryId, 5, 2);
    assertTrue(!answerA.equals(answerB), "the two maps answer differently");
  }

  /** Opens {@code dir} and checks it is map A or map B, answer included; returns which. */
  private static char openAndCheck(Path dir) throws IOException {
    try (PaperMap m = PaperMap.open(dir)) {
      List<PaperMap.Related> answer = m.related(queryId, 5, 2);
      if (m.options().representation() == Representation.TFIDF) {
        assertEquals(a.corpus().id(0), m.corpus().id(0));
        assertEquals(answerA, answer, "map A answers as map A");
        return 'A';
      }
      assertEquals(b.corpus().id(0), m.corpus().id(0));
      assertEquals(answerB, answer, "map B answers as map B");
      return 'B';
    }
  }

  @Test
  void givenRebuildKilledAtRandomPoints_whenOpened_thenOldOrNewMapNeverAMix() throws Exception {
    Path dir = tmp.resolve("map");
    a.save(dir);
    a.save(tmp.resolve("a"));
    b.save(tmp.resolve("b"));
    SplittableRandom random = new SplittableRandom(20261129L);
    String java = ProcessHandle.current().info().command().orElse("java");
    int[] seen = new int[2];
    for (int kill = 0; kill < KILLS; kill++) {
      Process child =
          new ProcessBuilder(
                  java, "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                  "-cp", System.getProperty("java.class.path"), MapRebuildChild.class.getName(),
                  dir.toString(), tmp.resolve("a").toString(), tmp.resolve("b").toString())
              .redirectErrorStream(true)
              .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        // Wait for the first save, so the kill lands in the middle of later ones.
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("saved ")) {
          // JVM warnings
        }
        if (line == null) {
          fail("the child ended before its first save, exit " + child.waitFor());
        }
        Thread.sleep(random.nextInt(300));
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      seen[openAndCheck(dir) - 'A']++;
    }
    assertTrue(seen[0] + seen[1] == KILLS, "every kill left a map that opens");
    // A new save cleans whatever the killed ones left behind.
    a.save(dir);
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(3, s.count(), "one generation, the manifest and the lock");
    }
  }

  @Test
  void givenReadersDuringRebuilds_whenOpenedAndQueried_thenOnlyOldOrNewAnswers() throws Exception {
    Path dir = tmp.resolve("map");
    a.save(dir);
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                try {
                  for (int i = 0; i < 24; i++) {
                    (i % 2 == 0 ? b : a).save(dir);
                  }
                } finally {
                  done.set(true);
                }
                return null;
              });
      List<Future<int[]>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  int[] seen = new int[2];
                  while (!done.get()) {
                    seen[openAndCheck(dir) - 'A']++;
                  }
                  return seen;
                }));
      }
      writer.get();
      int opened = 0;
      for (Future<int[]> f : readers) {
        int[] seen = f.get();
        opened += seen[0] + seen[1];
      }
      assertTrue(opened >= 2, "readers opened the map while it was rebuilt: " + opened);
    } finally {
      pool.shutdownNow();
    }
  }
}
