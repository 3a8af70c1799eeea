package org.papermap.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

/**
 * The README's related-papers example: build a map of a corpus, ask for related papers with reasons,
 * search by text, save and reopen. Keep this file and the README in sync (a test checks the snippet).
 */
public final class RelatedPapersExample {
  private RelatedPapersExample() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/data");
    Path saved = Files.createTempDirectory("papermap-example");
    // README:begin related
    Corpus corpus = CorpusReader.read(dir).corpus(); // every supported file in the folder, in name order
    PaperMap map = PaperMap.build(corpus, PaperMapOptions.defaults()); // hybrid TF-IDF + LSA

    // Ids come from the paper: here its OpenReview id ("Cooperative Online Learning with Feedback Graphs").
    for (PaperMap.Related r : map.related("openreview:PtNyIboDIG", 5, 3)) { // 5 papers, 3 reasons each
      System.out.printf("%.3f %s %s%n", r.score(), r.id(), r.terms());
    }
    System.out.println(map.search("diffusion models for image restoration", 3));

    map.save(saved); // one unit: a crash leaves the old map or the new one
    try (PaperMap again = PaperMap.open(saved)) { // no re-vectorizing; every file checked
      System.out.println(again.related("openreview:PtNyIboDIG", 3));
    }
    // README:end related
  }
}
