package org.papermap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;

/** The 262 papers of the five seed listings (golden/corpus/seeds), the facade tests' corpus. */
final class SeedListings {
  private SeedListings() {}

  /** The seed listings read in file-name order. */
  static Corpus corpus() throws IOException {
    try (var files = Files.list(Path.of("src/test/resources/golden/corpus/seeds"))) {
      return CorpusReader.read(files.filter(f -> f.toString().endsWith(".txt")).sorted().toArray(Path[]::new)).corpus();
    }
  }
}
