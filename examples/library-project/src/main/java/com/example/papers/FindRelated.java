package com.example.papers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.progress.ProgressListener;

/**
 * A program of your own that uses PaperMap as a library: reads a folder of papers, builds a map with
 * the defaults, and prints the papers most related to the first one, with their reasons. Kept in sync
 * with the README's "Use it as a library" section (ReadmeSyncTest) and run by the build.
 */
public final class FindRelated {
  private FindRelated() {}

  public static void main(String[] args) throws IOException {
    Path papers = Path.of(args.length > 0 ? args[0] : "../data");
    // README:begin library-project
    Corpus corpus = CorpusReader.read(papers).corpus(); // a file or a folder of any supported format
    ProgressListener progress =
        new ProgressListener() { // optional: the library reports each step (and notes) here
          @Override
          public void end(String step) {
            System.err.println("done: " + step);
          }
        };
    try (PaperMap map = PaperMap.build(corpus, PaperMapOptions.defaults(), progress)) {
      String id = corpus.id(0);
      System.out.println("related to " + id + ": " + corpus.get(0).title());
      List<PaperMap.Related> related = map.related(id, 3, 2); // 3 papers, 2 reasons each
      for (PaperMap.Related r : related) {
        List<String> because = r.terms().stream().map(PaperMap.TermWeight::term).toList();
        System.out.printf("%.3f %s (because: %s)%n", r.score(), corpus.byId(r.id()).title(), because);
      }
    }
    // README:end library-project
    boolean simd = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    System.out.println("Java " + Runtime.version().feature() + ", vector module " + (simd ? "on" : "off"));
    if (Runtime.version().feature() < 21 || !simd) {
      System.exit(1); // the build checks that the example runs as documented
    }
  }
}
