package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvColumnsTest {
  @Test
  void givenSpec_whenParsed_thenOverridesDefaultsAndEmptyMeansAbsent() {
    CsvColumns c = CsvColumns.parse("title=Title, abstract = Summary ,url=");

    assertEquals("Title", c.title());
    assertEquals("Summary", c.abstractText());
    assertNull(c.url());
    assertEquals("authors", c.authors()); // untouched default
  }

  @Test
  void givenDefaults_whenRead_thenFieldNames() {
    CsvColumns d = CsvColumns.defaults();

    assertEquals(
        new CsvColumns("id", "title", "abstract", "authors", "year", "date", "url", "venue", "labels", null), d);
  }

  @Test
  void givenBadSpecs_whenParsed_thenMessagesNameTheProblem() {
    assertEquals("csv column spec must not be blank", error(" "));
    assertEquals("csv column spec 'title': entry 'title' must be key=Header", error("title"));
    assertEquals(
        "csv column spec 'foo=bar': unknown key 'foo' (expected one of: id, title, abstract, authors, year,"
            + " date, url, venue, labels)",
        error("foo=bar"));
    assertEquals("csv column spec 'url=a,url=b': key 'url' given twice", error("url=a,url=b"));
    assertEquals("csv column spec 'abstract=': 'abstract' is required and cannot be absent", error("abstract="));
  }

  @Test
  void givenBlankOrNullRequiredHeader_whenConstructed_thenRejected() {
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CsvColumns(null, "title", "abstract", " ", null, null, null, null, null, null));
    assertEquals("csv column for 'authors' must be null (absent) or a header name, got a blank name", blank.getMessage());
    NullPointerException noTitle =
        assertThrows(
            NullPointerException.class,
            () -> new CsvColumns(null, null, "abstract", null, null, null, null, null, null, null));
    assertEquals("title", noTitle.getMessage());
  }

  @Test
  void givenPresetNames_whenLookedUp_thenPresetsOrAMessageListingThem() {
    assertEquals(CsvColumns.zotero(), CsvColumns.preset(" Zotero "));
    assertEquals(CsvColumns.defaults(), CsvColumns.preset("default"));
    assertEquals("Abstract Note", CsvColumns.zotero().abstractText());
    assertEquals(";", CsvColumns.zotero().authorSeparator());
    assertEquals(true, CsvColumns.isPreset("zotero"));
    assertEquals(false, CsvColumns.isPreset("title=Title"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> CsvColumns.preset("mendeley"));
    assertEquals("csv preset must be one of: default, zotero; got 'mendeley'", unknown.getMessage());
    IllegalArgumentException emptySeparator =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CsvColumns(null, "t", "a", null, null, null, null, null, null, ""));
    assertEquals("authorSeparator must be null (guess per cell) or non-empty, got ''", emptySeparator.getMessage());
  }

  private static String error(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> CsvColumns.parse(spec)).getMessage();
  }
}
