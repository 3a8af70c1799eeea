package org.papermap.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.corpus.TextNormalization;

/**
 * NFKC moved from the corpus readers into analysis: the {@code abstracts()} preset gives the same
 * terms for text as read as it gave for text the readers had normalized, on every seed paper (7 of
 * which NFKC changes) and on the Unicode edge cases; offsets still point into the text as read.
 */
class NfkcCharFilterTest {
  @Test
  void givenSeedAndEdgePapers_whenAnalyzedAsRead_thenSameTermsAsAfterReaderNfkc() throws Exception {
    PaperAnalyzer analyzer = new PaperAnalyzer(PaperAnalyzer.Options.abstracts());
    List<Paper> papers = new ArrayList<>(seeds());
    papers.addAll(
        CorpusReader.read(
                List.of(Path.of("src/test/resources/golden/text/tfidf-unicode-edge.jsonl")),
                CorpusReader.Options.builder().lenient(true).build())
            .corpus());
    int changed = 0;

    for (Paper p : papers) {
      String readerNfkc = TextNormalization.NFKC.apply(p.text());
      if (readerNfkc.equals(p.text())) {
        continue; // the char filter passes normalized text through untouched
      }
      changed++;
      // Title and abstract too: with a title weight other than 1 they are analyzed apart.
      for (String text : List.of(p.title(), p.abstractText(), p.text())) {
        assertEquals(
            TokenStreams.terms(analyzer, TextNormalization.NFKC.apply(text)),
            TokenStreams.terms(analyzer, text),
            p.id());
      }
    }
    assertEquals(true, changed >= 7 + 5, "papers NFKC changes: " + changed); // 7 seeds, most edge cases
  }

  @Test
  void givenCompatibilityCharacters_whenFiltered_thenNfkcTextAndOffsetsIntoTheOriginal() throws Exception {
    String text = "\ufb01ne x\u00b2 \uff21\uff22 e\u0301t\u00e9 end";

    try (NfkcCharFilter f = new NfkcCharFilter(new StringReader(text))) {
      char[] buf = new char[64];
      int n = f.read(buf, 0, buf.length);
      assertEquals("fine x2 AB \u00e9t\u00e9 end", new String(buf, 0, n));
      assertEquals(text.indexOf("end"), f.correctOffset(new String(buf, 0, n).indexOf("end")));
      assertEquals(text.indexOf("x"), f.correctOffset(5));
    }
    PaperAnalyzer analyzer = new PaperAnalyzer(PaperAnalyzer.Options.abstracts());
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      List<String> spans = new ArrayList<>();
      while (ts.incrementToken()) {
        spans.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
      }
      ts.end();
      assertEquals(List.of("fine=\ufb01ne", "x2=x\u00b2", "ab=\uff21\uff22", "ete=e\u0301t\u00e9", "end=end"), spans);
    }
  }

  private static List<Paper> seeds() throws Exception {
    try (var files = Files.list(Path.of("src/test/resources/golden/corpus/seeds"))) {
      return CorpusReader.read(files.sorted().toArray(Path[]::new)).corpus();
    }
  }
}
