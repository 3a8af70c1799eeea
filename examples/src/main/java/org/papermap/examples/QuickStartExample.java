package org.papermap.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;

/**
 * The README's API example: read papers from files of any supported format. Keep this file and the
 * README's "Use it as a library" section in sync.
 */
public final class QuickStartExample {
  private QuickStartExample() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/data");
    // README:begin quickstart
    Corpus corpus =
        CorpusReader.read(
                dir.resolve("000_c6aaeef350361c33.txt"), // an email digest
                dir.resolve("003_3995438c63dfe527.txt")) // a poster-session list
            .corpus(); // read(...) gives a ReadResult: the corpus and a report of what was read
    System.out.println(corpus.size() + " papers");
    Paper first = corpus.get(0);
    System.out.println(first.id() + ": " + first.title() + " (" + first.venue() + ")");
    // README:end quickstart
  }
}
