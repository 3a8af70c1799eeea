package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Ids derived from the paper. The title hashes were computed independently (Python: NFKC, lower case,
 * runs of characters outside the letter and number categories made one space, SHA-256, 16 hex
 * digits).
 */
class PaperIdsTest {
  @Test
  void givenUrls_whenDerived_thenArxivThenDoiThenOpenReviewThenTitle() {
    assertEquals("2503.14354", PaperIds.derive("https://arxiv.org/abs/2503.14354v2", null, "T"));
    assertEquals("2503.14354", PaperIds.derive("http://arxiv.org/pdf/2503.14354.pdf", null, "T"));
    assertEquals("hep-th/9901001", PaperIds.derive("https://arxiv.org/abs/hep-th/9901001v1", null, "T"));
    assertEquals("math.GT/0309136", PaperIds.derive("https://arxiv.org/abs/math.GT/0309136", null, "T"));
    assertEquals("doi:10.7717/peerj.4375", PaperIds.derive("https://doi.org/10.7717/PeerJ.4375", null, "T"));
    assertEquals("doi:10.7717/peerj.4375", PaperIds.derive("https://peerj.com/x", "10.7717/peerj.4375", "T"));
    assertEquals("doi:10.7717/peerj.4375", PaperIds.derive(null, "doi: 10.7717/peerj.4375", "T"));
    assertEquals("1706.03762", PaperIds.derive(null, "10.48550/arXiv.1706.03762", "T")); // arXiv DOI
    assertEquals(
        "openreview:PtNyIboDIG", PaperIds.derive("https://openreview.net/forum?id=PtNyIboDIG", null, "T"));
    assertEquals(
        "openreview:PtNyIboDIG",
        PaperIds.derive("https://openreview.net/pdf?noteId=x&id=PtNyIboDIG", null, "T"));
    assertEquals("title:4a1c934d3d98f3ce", PaperIds.derive("https://example.org/paper/7", "not a doi", "Attention Is All You Need"));
  }

  @Test
  void givenTitlesThatDifferOnlyInFormOrSpacing_whenHashed_thenSameId() {
    assertEquals("title:e01553b7768e5f81", PaperIds.titleId("  The \ufb01rst  Paper: a \u201cStudy\u201d\n of x\u00b2 "));
    assertEquals("title:e01553b7768e5f81", PaperIds.titleId("the first paper a study of x2"));
    assertEquals("title:bfae9a7b707a9e66", PaperIds.titleId("No id here"));
  }

  @Test
  void givenIds_whenCheckedForControlCharacters_thenTheFirstIsDescribed() {
    assertNull(PaperIds.controlCharacter("arXiv:2503.14354 v2 é"));
    assertEquals("U+000A at index 3", PaperIds.controlCharacter("abc\ndef"));
    assertEquals("U+007F at index 0", PaperIds.controlCharacter("\u007f"));
    assertEquals("U+0085 at index 1", PaperIds.controlCharacter("a\u0085"));
    assertEquals("U+2029 at index 1", PaperIds.controlCharacter("a\u2029"));
  }
}
