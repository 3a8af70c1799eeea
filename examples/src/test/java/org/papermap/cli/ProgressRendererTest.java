package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer on a clock the test moves: periodic lines in logs, a bar on a terminal, notes always. */
class ProgressRendererTest {
  private static final long S = 1_000_000_000L;

  private long now;
  private final StringWriter err = new StringWriter();

  private ProgressRenderer renderer(ProgressRenderer.Mode mode) {
    return new ProgressRenderer(new PrintWriter(err, true), mode, () -> now);
  }

  @Test
  void givenNoTerminal_whenALongStepAdvances_thenALineEveryFiveSecondsAndOneAtTheEnd() {
    ProgressRenderer p = renderer(ProgressRenderer.Mode.LINES);
    p.begin("tf-idf", 27_000, "papers");
    for (int i = 1; i <= 24; i++) {
      now = i * S / 2; // every half second
      p.advance("tf-idf", i * 1_000L);
    }
    now = 12_300_000_000L;
    p.advance("tf-idf", 27_000);
    p.end("tf-idf");

    assertEquals(
        List.of(
            "papermap: tf-idf: 37% (10,000 of 27,000 papers), 5.0 s",
            "papermap: tf-idf: 74% (20,000 of 27,000 papers), 10.0 s",
            "papermap: tf-idf: 27,000 papers in 12.3 s"),
        err.toString().lines().toList());
  }

  @Test
  void givenNoTerminal_whenAShortStepEnds_thenOneLineAndBytesAsSizes() {
    ProgressRenderer p = renderer(ProgressRenderer.Mode.LINES);
    p.begin("read", 5L << 20, "bytes");
    now = S / 10;
    p.advance("read", 5L << 20);
    p.end("read");
    p.begin("open", -1, "files");
    p.advance("open", 1);
    p.end("open");
    assertEquals(List.of("papermap: read: 5.0 MiB in 0.1 s", "papermap: open: 1 file in 0.0 s"), err.toString().lines().toList());
  }

  @Test
  void givenATerminal_whenAStepRunsLongerThanASecond_thenABarRedrawnInPlaceThenOneLine() {
    ProgressRenderer p = renderer(ProgressRenderer.Mode.BAR);
    p.begin("short", 10, "papers");
    now = S / 2;
    p.advance("short", 10);
    p.end("short");
    assertEquals("", err.toString(), "a step under a second prints nothing");

    p.begin("lsa", 17, "passes");
    now += 2 * S;
    p.advance("lsa", 8);
    p.note("something to know");
    now += S;
    p.advance("lsa", 17);
    p.end("lsa");

    String out = err.toString();
    assertTrue(out.startsWith("\rlsa [###########             ] 47% (8 of 17 passes), 2.0 s"), out);
    assertTrue(out.contains("\rpapermap: note: something to know\n"), out);
    assertTrue(out.endsWith("\rpapermap: lsa: 17 passes in 3.0 s\n"), out);
  }

  @Test
  void givenQuiet_whenStepsRun_thenOnlyNotes() {
    ProgressRenderer p = renderer(ProgressRenderer.Mode.QUIET);
    p.begin("tf-idf", 10, "papers");
    now = 30 * S;
    p.advance("tf-idf", 10);
    p.note("kept every term");
    p.end("tf-idf");
    assertEquals("papermap: note: kept every term\n", err.toString());
  }

  @Test
  void givenUnits_whenCounted_thenSingularForOne() {
    assertEquals("query", ProgressRenderer.singular("queries"));
    assertEquals("pass", ProgressRenderer.singular("passes"));
    assertEquals("paper", ProgressRenderer.singular("papers"));
    assertEquals("1 min 05 s", ProgressRenderer.seconds(65 * S));
  }
}
