package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record rules that used to pass silently: duplicate JSON keys, duplicate CSV headers, ids with
 * control characters, and listing lines lost in the middle of a file, reported where they happen.
 */
class RecordRulesTest {
  static final CorpusReader.Options LENIENT = CorpusReader.Options.builder().lenient(true).build();

  static String strictError(String content, String name) {
    return CorpusFormatsTest.strictError(content, name);
  }

  @Test
  void givenADuplicateJsonKey_whenRead_thenKeyAndColumnNamed() {
    assertEquals(
        "d.jsonl:2: duplicate key 'title' at column 36 (a JSON object must not repeat a key)",
        strictError(CorpusReaderErrorTest.OK + "{\"title\":\"T\",\"abstract\":\"A\",\"title\":\"U\"}\n", "d.jsonl"));
    String nested =
        "{\"paperId\":\"p\",\"title\":\"T\",\"abstract\":\"A\",\"authors\":[{\"name\":\"X\",\"name\":\"Y\"}]}";
    assertTrue(strictError(nested, "s.jsonl").startsWith("s.jsonl:1: duplicate key 'name' at column "));
  }

  @Test
  void givenADuplicateCsvHeader_whenRead_thenBothColumnsNamed() {
    assertEquals(
        "d.csv:1: duplicate column 'Title' (columns 1 and 3); header names must be unique, ignoring case",
        strictError("title,abstract,Title\nT,A,U\n", "d.csv"));
  }

  @Test
  void givenIdsWithControlCharacters_whenRead_thenRejectedWithFileAndLine() {
    assertEquals(
        "c.jsonl:1: id contains a control character (U+000A at index 1); ids must be one printable line",
        strictError("{\"id\":\"a\\nb\",\"title\":\"T\",\"abstract\":\"A\"}\n", "c.jsonl"));
    assertEquals(
        "c.csv:2: id contains a control character (U+0009 at index 1); ids must be one printable line",
        strictError("id,title,abstract\n\"x\ty\",T,A\n", "c.csv"));
    assertEquals(
        "c.jsonl:1: id contains a control character (U+2028 at index 1); ids must be one printable line",
        strictError("{\"id\":\"a\\u2028b\",\"title\":\"T\",\"abstract\":\"A\"}\n", "c.jsonl"));
    IllegalArgumentException inCode =
        assertThrows(IllegalArgumentException.class, () -> Paper.of("a\u0000b", "T", "A"));
    assertEquals("id must not contain control characters, found U+0000 at index 1", inCode.getMessage());
  }

  @Test
  void givenAPosterListMissingOneAuthorLine_whenRead_thenReportedAtThatEntryNotAtTheEnd() throws Exception {
    List<String> lines = Files.readAllLines(ListingConformanceTest.seedFiles().get(3));
    // Lines: 1 "Poster Session 6", then title/authors/abstract triples; remove the authors of paper 10.
    int authorLine = 1 + 3 * 9 + 2; // 1-based line of paper 10's author line
    String removed = lines.remove(authorLine - 1);
    assertTrue(removed.contains(" · "), removed);
    String content = String.join("\n", lines) + "\n";

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(content, "p.txt", CorpusReader.Options.defaults()));
    ReadResult lenient = CorpusFormatsTest.readString(content, "p.txt", LENIENT);

    assertEquals(authorLine - 1, e.line()); // the entry's title line, right above the lost line
    assertTrue(e.getMessage().contains("expected the authors of '"), e.getMessage());
    assertTrue(e.getMessage().contains("at line " + authorLine + ", found "), e.getMessage());
    assertEquals(144, lenient.corpus().size()); // only that paper is lost; the triples pick up again
    assertEquals(1, lenient.report().recordsSkipped());
  }

  @Test
  void givenAPosterListMissingATitle_whenRead_thenTheAuthorLineInItsPlaceIsNamed() {
    String list = "Poster Session 1\nT1\nA · B\nAbs 1.\nC · D\nAbs 2.\nT3\nE · F\nAbs 3.\n";

    assertEquals(
        "p.txt:5: poster list: expected a title at line 5, found an author line (a title or abstract line"
            + " missing above?)",
        strictError(list, "p.txt"));
  }

  @Test
  void givenADailyFeedMissingOneCountLine_whenRead_thenReportedThereAndTheRestKept() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(ListingConformanceTest.seedFiles().get(4)));
    int count = 0;
    int removedAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().matches("•\\s*\\d+\\s+authors?") && ++count == 30) {
        removedAt = i + 1;
        lines.remove(i);
        break;
      }
    }
    String content = String.join("\n", lines) + "\n";

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> CorpusFormatsTest.readString(content, "f.txt", CorpusReader.Options.defaults()));
    ReadResult lenient = CorpusFormatsTest.readString(content, "f.txt", LENIENT);

    assertTrue(e.line() < removedAt && e.line() > removedAt - 10, e.getMessage());
    assertTrue(e.getMessage().contains("daily-feed entry without its '• N authors' line"), e.getMessage());
    assertEquals(66, lenient.corpus().size()); // 67 papers, one lost with its count line
  }

  @Test
  void givenADigestEntryThatLostItsTitleLine_whenRead_thenReportedWhereItsFieldsAppear() {
    String afterRule = "Title: One\nAuthors: A\nAbstract: a\n---\nAuthors: B\nAbstract: b\n---\nTitle: Three\nAbstract: c\n";
    String merged = "Title: One\nAuthors: A\nAbstract: a\nAuthors: B\nAbstract: b\n";

    assertEquals("d.txt:5: digest entry without a 'Title:' line ('Authors:' at line 5)", strictError(afterRule, "d.txt"));
    assertEquals(
        "d.txt:4: digest entry without a 'Title:' line ('Authors:' at line 4 repeats a field of the entry above)",
        strictError(merged, "d.txt"));
  }

  @Test
  void givenADigestEntryThatLostItsTitleLine_whenLenient_thenOnlyThatEntrySkipped() throws Exception {
    String afterRule = "Title: One\nAuthors: A\nAbstract: a\n---\nAuthors: B\nAbstract: b\n---\nTitle: Three\nAbstract: c\n";

    ReadResult r = CorpusFormatsTest.readString(afterRule, "d.txt", LENIENT);

    assertEquals(List.of("One", "Three"), r.corpus().stream().map(Paper::title).toList());
    assertEquals(1, r.report().recordsSkipped());
  }
}
