package org.papermap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFile and the map folder machinery on their own, without PaperMap. */
class MapWriterTest {
  private static final FileFormat NUMBER = FileFormat.of("papermap.number", 1);

  @TempDir Path tmp;

  private static void save(Path dir, int value) throws IOException {
    try (MapWriter w = MapWriter.create(dir)) {
      w.write("number", NUMBER, out -> out.writeInt(value));
      w.writeStream("notes.txt", out -> out.write(("value " + value + "\n").getBytes(StandardCharsets.UTF_8)));
      w.commit(Map.of("value", Integer.toString(value)));
    }
  }

  private static int read(Path dir) throws IOException {
    return MapReader.read(dir, map -> {
      CodecInput in = map.open("number", NUMBER);
      int v = in.readInt();
      String notes = map.readStream("notes.txt", s -> new String(s.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("value " + v + "\n", notes);
      assertEquals(Integer.toString(v), map.attributes().get("value"));
      assertEquals(map.mapId(), in.mapId());
      assertFalse(map.has("other"));
      return v;
    });
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void givenSaveThatFailsMidway_whenClosed_thenOldMapIntactAndNothingLeft() throws IOException {
    Path dir = tmp.resolve("m");
    save(dir, 1);
    List<String> before = entries(dir);
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (MapWriter w = MapWriter.create(dir)) {
                w.write("number", NUMBER, out -> out.writeInt(2));
                w.writeStream("notes.txt", out -> {
                  out.write(new byte[100]);
                  throw new IOException("disk full (simulated)");
                });
                w.commit(Map.of());
              }
            });
    assertEquals("disk full (simulated)", e.getMessage());
    assertEquals(1, read(dir));
    assertEquals(before, entries(dir));
  }

  @Test
  void givenConcurrentSavesToOneFolder_whenDone_thenOneWholeMapAndOneGeneration() throws Exception {
    Path dir = tmp.resolve("m");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int v = t;
        saves.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            save(dir, v * 100 + i);
            int seen = read(dir);
            assertTrue(seen % 100 < 10, "a whole map: " + seen);
          }
          return null;
        }));
      }
      for (Future<?> f : saves) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, entries(dir).size(), entries(dir).toString());
    assertEquals(9, read(dir) % 100);
  }

  @Test
  void givenListedFileChanged_whenRead_thenForeignFile() throws IOException {
    Path dir = tmp.resolve("m");
    save(dir, 5);
    Path notes;
    try (Stream<Path> s = Files.list(dir)) {
      notes = s.filter(p -> p.getFileName().toString().startsWith("map-")).findFirst().orElseThrow().resolve("notes.txt");
    }
    Files.writeString(notes, "value 6\n");
    ForeignFileException e = assertThrows(ForeignFileException.class, () -> read(dir));
    assertTrue(e.getMessage().startsWith(notes + ": differs from the file the manifest lists"), e.getMessage());
    assertEquals(
        "name must be a plain file name, got '../escape'",
        assertThrows(IllegalArgumentException.class, () -> {
          try (MapWriter w = MapWriter.create(dir)) {
            w.write("../escape", NUMBER, out -> out.writeInt(1));
          }
        }).getMessage());
  }

  @Test
  void givenAtomicFile_whenNotCommitted_thenTargetUnchangedAndNoTempLeft() throws IOException {
    Path f = tmp.resolve("out.txt");
    Files.writeString(f, "old");
    try (AtomicFile a = AtomicFile.create(f)) {
      a.stream().write("new".getBytes(StandardCharsets.UTF_8));
      assertEquals(3, a.length());
    }
    assertEquals("old", Files.readString(f));
    try (AtomicFile a = AtomicFile.create(f)) {
      a.stream().write("new".getBytes(StandardCharsets.UTF_8));
      a.commit();
      assertThrows(IllegalStateException.class, a::commit);
    }
    assertEquals("new", Files.readString(f));
    assertEquals(List.of("out.txt"), entries(tmp));
    Path noFolder = tmp.resolve("nope/out.txt");
    assertEquals(
        noFolder + ": folder " + noFolder.getParent() + " does not exist",
        assertThrows(IOException.class, () -> AtomicFile.create(noFolder)).getMessage());
  }
}
