package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing detection does not depend on the seed file names, and each shape's small variations work. */
class ListingReaderTest {
  static ReadResult read(String content, String name) throws Exception {
    return CorpusReader.read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
        name,
        CorpusReader.Options.defaults());
  }

  static List<LineReader.Line> head(Path p) throws Exception {
    try (LineReader r = new LineReader(Files.newInputStream(p), p.toString(), false)) {
      return r.lookAhead(ListingReader.SNIFF_LINES);
    }
  }

  @Test
  void givenEachSeed_whenDetected_thenItsShape() throws Exception {
    List<Path> seeds = ListingConformanceTest.seedFiles();

    assertEquals(ListingReader.Shape.EMAIL_DIGEST, ListingReader.detect(head(seeds.get(0))));
    assertEquals(ListingReader.Shape.EMAIL_DIGEST, ListingReader.detect(head(seeds.get(1))));
    assertEquals(ListingReader.Shape.SESSION_PAGE, ListingReader.detect(head(seeds.get(2))));
    assertEquals(ListingReader.Shape.POSTER_LIST, ListingReader.detect(head(seeds.get(3))));
    assertEquals(ListingReader.Shape.DAILY_FEED, ListingReader.detect(head(seeds.get(4))));
  }

  @Test
  void givenSeedUnderAnotherName_whenRead_thenSamePapersAndSameIds() throws Exception {
    Path session = ListingConformanceTest.seedFiles().get(2);

    ReadResult r = read(Files.readString(session), "icml-session.md");
    ReadResult original = CorpusReader.read(session);

    assertEquals(15, r.corpus().size());
    assertEquals(CorpusReaderTest.ids(original.corpus()), CorpusReaderTest.ids(r.corpus()));
    assertEquals("title:b29e400b0b75ecc7", r.corpus().get(0).id());
    assertEquals("DL: Algorithms", r.corpus().get(0).venue());
    assertEquals("The Infinite Contextual Graph Markov Model", r.corpus().get(0).title());
  }

  @Test
  void givenDigestWithWrappedTitleAndNoHeading_whenRead_thenFieldsJoined() throws Exception {
    String digest =
        "Some mail header\n\nTitle: A long title\n  that wraps\nAuthors: Ada Lovelace,\n Alan Turing\n\n"
            + "Abstract: First line\nsecond line.\n\nURL: https://example.org/1\nReply all\n";

    ReadResult r = read(digest, "mail.txt");

    Paper p = r.corpus().get(0);
    assertEquals(PaperIds.titleId("A long title that wraps"), p.id());
    assertEquals("A long title that wraps", p.title());
    assertEquals(List.of("Ada Lovelace", "Alan Turing"), p.authors());
    assertEquals("First line second line.", p.abstractText());
    assertEquals("https://example.org/1", p.url());
    assertNull(p.venue());
  }

  @Test
  void givenSessionEntryWithoutKindLine_whenRead_thenTitleIsFirstLine() throws Exception {
    String page =
        "Session\n\nTheory\n\nThu 21 July 10:00 - 10:05 PDT\n\nA Title\n\nSolo Author\n\nThe abstract.\n"
            + "Thu 21 July 10:05 - 10:10 PDT\nOral\nB Title\nX · Y\nB abstract.\n";

    ReadResult r = read(page, "s.txt");

    assertEquals(2, r.corpus().size());
    assertEquals("A Title", r.corpus().get(0).title());
    assertEquals(List.of("Solo Author"), r.corpus().get(0).authors());
    assertEquals("Theory", r.corpus().get(0).venue());
    assertEquals("B Title", r.corpus().get(1).title());
    assertEquals(List.of("X", "Y"), r.corpus().get(1).authors());
  }

  @Test
  void givenPosterListEndingMidEntry_whenStrict_thenMissingAbstractAtTitleLine() throws Exception {
    String list = "Poster Session 1\nT1\nA · B\nAbs 1.\nT2\nC · D\n";

    CorpusFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(CorpusFormatException.class, () -> read(list, "p.txt"));

    assertEquals("p.txt:5: missing field 'abstract'", e.getMessage());
  }

  @Test
  void givenFeedWithTrailingEntryWithoutCount_whenStrict_thenIncompleteEntryNamed() throws Exception {
    String feed = "Daily Papers\nbyX\n\nT1\n\nAbstract one.\n\n  • 2 authors\n·\nMar 7, 2019\n\nT2\n\nAbstract two.\n";

    CorpusFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(CorpusFormatException.class, () -> read(feed, "f.txt"));

    assertEquals("f.txt:12: incomplete daily-feed entry (no '• N authors' line before line 15)", e.getMessage());
  }
}
