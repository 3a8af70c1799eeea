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
        new CsvColumns("id", "title", "abstract", "authors", "year", "date", "url", "venue", "labels"), d);
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
            () -> new CsvColumns(null, "title", "abstract", " ", null, null, null, null, null));
    assertEquals("csv column for 'authors' must be null (absent) or a header name, got a blank name", blank.getMessage());
    NullPointerException noTitle =
        assertThrows(
            NullPointerException.class,
            () -> new CsvColumns(null, null, "abstract", null, null, null, null, null, null));
    assertEquals("title", noTitle.getMessage());
  }

  private static String error(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> CsvColumns.parse(spec)).getMessage();
  }
}
