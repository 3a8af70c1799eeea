package org.papermap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.papermap.progress.ProgressListener;
import org.papermap.progress.RecordingListener;

class StepProgressTest {
  @Test
  void givenWorkCountedOnFourThreads_whenClosed_thenTheListenerSawOrderedCountsAboutOncePerPercent() {
    RecordingListener listener = new RecordingListener();
    int n = 100_000;

    try (StepProgress step = StepProgress.begin(listener, "work", n, "items")) {
      Parallel.forRange(n, 7, 4, null, (w, from, to) -> step.add(to - from));
    }

    List<String> calls = listener.calls();
    assertEquals("begin work 100000 items", calls.get(0));
    assertEquals("end work", calls.get(calls.size() - 1));
    assertEquals(n, listener.lastDone("work"));
    long advances = calls.stream().filter(c -> c.startsWith("advance ")).count();
    assertTrue(advances >= 50 && advances <= 101, advances + " advances");
    assertTrue(calls.stream().noneMatch(c -> c.startsWith("VIOLATION")), calls.toString());
  }

  @Test
  void givenAnUnknownTotal_whenUpdated_thenCountsReportedEveryFewThousandAndAtTheEnd() {
    RecordingListener listener = new RecordingListener();

    try (StepProgress step = StepProgress.begin(listener, "read", -1, "bytes")) {
      for (long b = 0; b <= 10_000; b += 100) {
        step.update(b);
      }
      step.update(5); // lower than what was reported: ignored
    }

    assertEquals(10_000, listener.lastDone("read"));
    long advances = listener.calls().stream().filter(c -> c.startsWith("advance ")).count();
    assertTrue(advances <= 10_000 / StepProgress.UNKNOWN_TOTAL_EVERY + 1, advances + " advances");
  }

  @Test
  void givenAStepThatFails_whenClosedByTryWithResources_thenItEndsOnce() {
    RecordingListener listener = new RecordingListener();

    assertThrows(
        IllegalStateException.class,
        () -> {
          try (StepProgress step = StepProgress.begin(listener, "fails", 10, "items")) {
            step.add(3);
            throw new IllegalStateException("boom");
          }
        });

    assertEquals(List.of("begin fails 10 items", "advance fails 3", "end fails"), listener.calls());
  }

  @Test
  void givenNoListener_whenBegun_thenTheParameterIsNamed() {
    assertEquals("progress", assertThrows(NullPointerException.class, () -> StepProgress.begin(null, "s", 1, "u")).getMessage());
    ProgressListener none = ProgressListener.NONE;
    try (StepProgress step = StepProgress.begin(none, "quiet", 3, "items")) {
      step.add(3);
    }
  }
}
