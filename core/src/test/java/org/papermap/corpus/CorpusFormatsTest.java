package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export formats researchers have: Semantic Scholar, OpenAlex, BibTeX (Mendeley and Zotero), RIS
 * (Zotero) and Zotero's CSV, each read from a fixture in the exact shape of the real export and
 * detected by {@code AUTO}, plus their error messages.
 */
class CorpusFormatsTest {
  static ReadResult read(String name) throws Exception {
    return CorpusReader.read(CorpusReaderTest.fixture(name));
  }

  static ReadResult readString(String content, String name, CorpusReader.Options options) throws IOException {
    return CorpusReader.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, options);
  }

  static String strictError(String content, String name) {
    return assertThrows(
            CorpusFormatException.class, () -> readString(content, name, CorpusReader.Options.defaults()))
        .getMessage();
  }

  @Test
  void givenSemanticScholarApiPapers_whenReadWithAuto_thenAuthorsFromObjectsAndIdsFromPaperId() throws Exception {
    Corpus c = read("semantic-scholar.jsonl").corpus();

    assertEquals(2, c.size());
    Paper p = c.get(0);
    assertEquals("204e3073870fae3d05bcbc2f6a8e263d9b72e776", p.id());
    assertEquals("Attention is All you Need", p.title());
    assertEquals(List.of("Ashish Vaswani", "Noam M. Shazeer", "Niki Parmar"), p.authors());
    assertEquals(LocalDate.of(2017, 6, 12), p.date());
    assertEquals(2017, p.year());
    assertEquals("Neural Information Processing Systems", p.venue());
    assertEquals("https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776", p.url());
    assertEquals(List.of("Computer Science"), p.labels()); // fieldsOfStudy and s2FieldsOfStudy, no repeat
    Paper bert = c.get(1);
    assertNull(bert.date()); // publicationDate null
    assertEquals(2019, bert.year());
    assertEquals(List.of("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee"), bert.authors());
    assertEquals(List.of("Computer Science", "Linguistics"), bert.labels());
  }

  @Test
  void givenSemanticScholarDatasetRecordWithoutAbstract_whenRead_thenJoinHintNamed() throws Exception {
    String message =
        assertThrows(CorpusFormatException.class, () -> read("s2-papers-dataset.jsonl")).getMessage();

    assertEquals(
        CorpusReaderTest.fixture("s2-papers-dataset.jsonl")
            + ":1: missing field 'abstract' (the Semantic Scholar 'papers' dataset has no abstracts: join the"
            + " 'abstracts' dataset on corpusid, or ask the API for fields=title,abstract,...)",
        message);
  }

  @Test
  void givenSemanticScholarDatasetRecordJoinedWithItsAbstract_whenRead_thenCorpusIdAndLowerCaseKeys()
      throws Exception {
    String joined =
        "{\"corpusid\": 13756489, \"externalids\": {\"ArXiv\": \"1706.03762\", \"DOI\": null}, \"title\":"
            + " \"Attention\", \"authors\": [{\"authorId\": \"1\", \"name\": \"A. V.\"}],"
            + " \"publicationdate\": \"2017-06-12\", \"abstract\": \"Attention only.\"}\n";

    Paper p = readString(joined, "s2.jsonl", CorpusReader.Options.defaults()).corpus().get(0);

    assertEquals("CorpusId:13756489", p.id());
    assertEquals(LocalDate.of(2017, 6, 12), p.date());
    assertEquals("https://arxiv.org/abs/1706.03762", p.url()); // no url: the arXiv page
    assertEquals(List.of("A. V."), p.authors());
  }

  @Test
  void givenSemanticScholarRecordsReadAsPlainJsonLines_whenStrict_thenTheFormatIsSuggested() {
    String line = "{\"id\": \"x\", \"title\": \"T\", \"abstract\": \"A\", \"authors\": [{\"name\": \"A. V.\"}]}";

    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () -> readString(line, "s.jsonl", CorpusReader.Options.builder().format(CorpusFormat.JSONL).build()));

    assertEquals(
        "s.jsonl:1: field 'authors[]' must be a string, got an object (authors as objects with a 'name' are"
            + " Semantic Scholar's: --format semantic-scholar, CorpusFormat.SEMANTIC_SCHOLAR)",
        e.getMessage());
  }

  @Test
  void givenSemanticScholarAuthorsNotObjects_whenStrict_thenFieldAndTypeNamed() {
    String line = "{\"paperId\": \"x\", \"title\": \"T\", \"abstract\": \"A\", \"authors\": [\"A. V.\"]}";

    assertEquals("s.jsonl:1: field 'authors[]' must be an object, got a string", strictError(line, "s.jsonl"));
  }

  @Test
  void givenABareYearAsDate_whenRead_thenYearOnly() throws Exception {
    String line = "{\"id\":\"y\",\"title\":\"T\",\"abstract\":\"A\",\"date\":\"2019\"}\n";

    Paper p = readString(line, "y.jsonl", CorpusReader.Options.defaults()).corpus().get(0);

    assertNull(p.date());
    assertEquals(2019, p.year());
  }

  @Test
  void givenOpenAlexWorks_whenReadWithAuto_thenAbstractRebuiltFromTheInvertedIndex() throws Exception {
    Corpus c = read("openalex-works.jsonl").corpus();

    Paper p = c.get(0);
    assertEquals("W2741809807", p.id());
    assertEquals(
        "Despite growing interest in Open Access to scholarly articles, we know little about its prevalence:"
            + " we estimate that at least 28% of the literature is open.",
        p.abstractText());
    assertEquals(List.of("Heather Piwowar", "Jason Priem", "Stefanie Haustein"), p.authors()); // raw name last
    assertEquals(LocalDate.of(2018, 2, 13), p.date());
    assertEquals("PeerJ", p.venue());
    assertEquals("https://doi.org/10.7717/peerj.4375", p.url());
    Paper second = c.get(1);
    assertEquals("Words at their appear positions.", second.abstractText()); // by position, not key order
    assertEquals("https://example.org/landing/2100837269", second.url()); // no DOI: the landing page
    assertNull(second.venue());
  }

  @Test
  void givenOpenAlexWorkWithoutAbstractOrWithABrokenIndex_whenStrict_thenNamed() {
    String none = "{\"id\": \"https://openalex.org/W1\", \"title\": \"T\", \"authorships\": [], \"abstract_inverted_index\": null}";
    String clash = "{\"id\": \"https://openalex.org/W1\", \"title\": \"T\", \"abstract_inverted_index\": {\"a\": [0], \"b\": [0]}}";
    String negative = "{\"id\": \"https://openalex.org/W1\", \"title\": \"T\", \"abstract_inverted_index\": {\"a\": [-1]}}";

    assertEquals("o.jsonl:1: missing field 'abstract'", strictError(none, "o.jsonl"));
    assertEquals(
        "o.jsonl:1: field 'abstract_inverted_index' puts two words at position 0 ('a', 'b')",
        strictError(clash, "o.jsonl"));
    assertEquals(
        "o.jsonl:1: field 'abstract_inverted_index.a[]' must be a position in [0, 1048576], got -1",
        strictError(negative, "o.jsonl"));
  }

  @Test
  void givenApiResponsesInsteadOfJsonLines_whenRead_thenTheConversionCommandIsNamed() {
    assertEquals(
        "r.json:1: an OpenAlex API response, not one work per line; convert it with jq -c '.results[]'",
        strictError("{\"meta\": {\"count\": 1}, \"results\": [{\"id\": \"W1\"}]}\n", "r.json"));
    assertEquals(
        "r.json:1: a Semantic Scholar API response, not one paper per line; convert it with jq -c '.data[]'",
        strictError("{\"total\": 1, \"offset\": 0, \"next\": 1, \"data\": [{\"paperId\": \"x\"}]}\n", "r.json"));
    assertEquals(
        "p.json:2: one JSON document, not JSON Lines (one paper object per line); convert it with jq -c"
            + " '.[]' (an array), jq -c '.data[]' (Semantic Scholar) or jq -c '.results[]' (OpenAlex)",
        strictError("\n{\n  \"title\": \"T\"\n}\n", "p.json"));
  }

  @Test
  void givenMendeleyBibtex_whenRead_thenKeysAsIdsAndLatexDecoded() throws Exception {
    Corpus c = read("mendeley-export.bib").corpus();

    assertEquals(List.of("Vaswani2017", "Cesa-Bianchi2023"), CorpusReaderTest.ids(c));
    Paper p = c.get(0);
    assertEquals("Attention is all you need", p.title()); // the protecting double braces removed
    assertEquals(
        "Sequence transduction models are built on recurrent or convolutional networks. We propose a network"
            + " based on attention alone, which trains faster and translates better.",
        p.abstractText());
    assertEquals(List.of("Vaswani, Ashish", "Shazeer, Noam", "Parmar, Niki"), p.authors());
    assertEquals(2017, p.year());
    assertEquals("Advances in Neural Information Processing Systems", p.venue());
    assertEquals("https://arxiv.org/abs/1706.03762", p.url()); // from Mendeley's arxivId
    Paper second = c.get(1);
    assertEquals(List.of("Cesa-Bianchi, Nicolò", "Cesari, Tommaso", "Della Vecchia, Riccardo"), second.authors());
    assertEquals("Transactions on Machine Learning Research", second.venue()); // booktitle
  }

  @Test
  void givenZoteroBibtex_whenRead_thenMacrosEscapesAndTrailingCommasHandled() throws Exception {
    Corpus c = read("zotero-export.bib").corpus();

    assertEquals(List.of("vaswani_attention_2017", "piwowar_state_2018"), CorpusReaderTest.ids(c));
    assertEquals("Attention Is All You Need", c.get(0).title());
    assertEquals("http://arxiv.org/abs/1706.03762", c.get(0).url());
    Paper p = c.get(1);
    assertEquals(
        "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles", p.title());
    assertEquals(
        "We estimate that at least 28% of the scholarly literature is open access, with a ``green'' and a"
            + " ``gold'' route & a growing share.",
        p.abstractText());
    assertEquals(List.of("Piwowar, Heather", "Priem, Jason", "Larivière, Vincent"), p.authors());
    assertEquals("PeerJ", p.venue());
  }

  @Test
  void givenBrokenBibtex_whenStrict_thenEntryLineAndRuleNamed() {
    assertEquals(
        "b.bib:1: the '{' opened at line 2 is not closed before the next entry at line 3 (unbalanced braces or"
            + " quotes?)",
        strictError("@article{a,\n title = {T, abstract = {A}\n@article{b, title={U}, abstract={B}}\n", "b.bib"));
    assertEquals(
        "b.bib:1: entry not closed: no '}' before the next entry at line 3",
        strictError("@article{a,\n title = {T}, abstract = {A}\n@article{b, title={U}, abstract={B}}\n", "b.bib"));
    assertEquals(
        "b.bib:1: duplicate field 'title' in one entry",
        strictError("@article{a, title={T}, Title={U}, abstract={A}}\n", "b.bib"));
    assertEquals(
        "b.bib:1: undefined @string macro 'neurips' at line 1",
        strictError("@inproceedings{a, title={T}, abstract={A}, booktitle=neurips}\n", "b.bib"));
    assertEquals(
        "b.bib:2: entry needs a citation key and a ',': @type{key, field = {...}}",
        strictError("\n@article{title={T}, abstract={A}}\n", "b.bib"));
    assertEquals("b.bib:1: missing field 'abstract'", strictError("@article{a, title={T}}\n", "b.bib"));
  }

  @Test
  void givenBibtexWithStringsCommentsAndConcatenation_whenRead_thenExpanded() throws Exception {
    String bib =
        "% a comment\n@comment{ignored {nested} }\n@string{nips = \"Neural Information Processing Systems\"}\n"
            + "@preamble{\"\\newcommand{\\x}{y}\"}\n"
            + "@inproceedings(k1, title = \"Deep {L}earning\", abstract = {An \\emph{important} idea.},"
            + " booktitle = \"Proc. \" # nips, author = {Barnes {and} Noble and Smith, J.}, year = 2015)\n";

    Paper p = readString(bib, "x.bib", CorpusReader.Options.defaults()).corpus().get(0);

    assertEquals("k1", p.id());
    assertEquals("Deep Learning", p.title());
    assertEquals("An \\emph{important} idea.", p.abstractText()); // commands left to the analyzer
    assertEquals("Proc. Neural Information Processing Systems", p.venue());
    assertEquals(List.of("Barnes and Noble", "Smith, J."), p.authors());
    assertEquals(2015, p.year());
  }

  @Test
  void givenZoteroRis_whenRead_thenTagsMappedAndIdsFromTheDoi() throws Exception {
    Corpus c = read("zotero-export.ris").corpus();

    assertEquals(List.of("doi:10.7717/peerj.4375", "1706.03762"), CorpusReaderTest.ids(c)); // arXiv DOI → arXiv id
    Paper p = c.get(0);
    assertEquals(
        "We estimate that at least 28% of the scholarly literature is open access, and that the share is"
            + " growing.",
        p.abstractText()); // a continuation line joined
    assertEquals(List.of("Piwowar, Heather", "Priem, Jason"), p.authors());
    assertEquals(LocalDate.of(2018, 2, 13), p.date());
    assertEquals(2018, p.year());
    assertEquals("PeerJ", p.venue());
    assertEquals("https://peerj.com/articles/4375", p.url());
  }

  @Test
  void givenBrokenRis_whenStrict_thenRecordStartAndRuleNamed() {
    assertEquals(
        "r.ris:1: record not closed: no 'ER  - ' line before the next 'TY' at line 4",
        strictError("TY  - JOUR\nTI  - T\nAB  - A\nTY  - JOUR\nTI  - U\nAB  - B\nER  - \n", "r.ris"));
    assertEquals(
        "r.ris:2: record not closed: the file ends before its 'ER  - ' line",
        strictError("\nTY  - JOUR\nTI  - T\nAB  - A\n", "r.ris"));
    assertEquals(
        "r.ris:1: field 'PY' must start with a 4-digit year (yyyy or yyyy/mm/dd), got 'Spring'",
        strictError("TY  - JOUR\nTI  - T\nAB  - A\nPY  - Spring\nER  - \n", "r.ris"));
    assertEquals("r.ris:1: missing field 'title'", strictError("TY  - JOUR\nAB  - A\nER  - \n", "r.ris"));
  }

  @Test
  void givenZoteroCsv_whenReadWithDefaultColumns_thenThePresetIsDetected() throws Exception {
    Corpus c = read("zotero-export.csv").corpus();

    assertEquals(List.of("QX8RVW2N", "8GZ4B7KM", "ZT3M9Q1C"), CorpusReaderTest.ids(c));
    assertEquals(List.of("Vaswani, Ashish", "Shazeer, Noam", "Parmar, Niki"), c.get(0).authors());
    assertEquals(List.of("Piwowar, Heather"), c.get(1).authors()); // one "Last, First" author, not two
    assertEquals(
        "We estimate that at least 28% of the scholarly literature is open access, and that the share is"
            + " growing, with a \"green\" and a \"gold\" route.",
        c.get(1).abstractText());
    assertEquals("PeerJ", c.get(1).venue());
    assertEquals(2019, c.get(2).year()); // "Spring 2019" in Date is not read; Publication Year is
    assertEquals("https://aclanthology.org/N19-1423", c.get(2).url());
  }

  @Test
  void givenZoteroPresetOnAnotherCsv_whenRead_thenMissingColumnsNamed() {
    CorpusReader.Options zotero = CorpusReader.Options.builder().csvColumns(CsvColumns.zotero()).build();

    CorpusFormatException e =
        assertThrows(CorpusFormatException.class, () -> readString("title,abstract\nT,A\n", "z.csv", zotero));

    assertEquals(
        "z.csv:1: missing required column 'Abstract Note' (abstract); header found: title, abstract",
        e.getMessage());
  }

  @Test
  void givenTextExtensionWithRisOrBibtexContent_whenAuto_thenRecognized() throws Exception {
    String ris = Files.readString(CorpusReaderTest.fixture("zotero-export.ris"));
    String bib = Files.readString(CorpusReaderTest.fixture("zotero-export.bib"));

    assertEquals(2, readString(ris, "refs.txt", CorpusReader.Options.defaults()).corpus().size());
    assertEquals(2, readString(bib.strip(), "refs.data", CorpusReader.Options.defaults()).corpus().size());
  }
}
