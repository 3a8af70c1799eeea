package org.papermap.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.corpus.Corpus;
import org.papermap.text.PaperAnalyzer;

/**
 * Analysis throughput: tokens of 2,000 real abstracts per invocation, for each preset. Reports time
 * per batch; docs/s = 2000 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class AnalyzerBenchmark {
  static final int DOCS = 2000;

  @Param({"sklearn", "sklearn-stop-bigrams", "abstracts"})
  public String preset;

  private String[] texts;
  private PaperAnalyzer analyzer;

  @Setup
  public void setup() throws IOException {
    Corpus c = BenchData.load(DOCS);
    texts = new String[c.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = c.get(i).text();
    }
    PaperAnalyzer.Options o =
        switch (preset) {
          case "sklearn" -> PaperAnalyzer.Options.sklearnCompatible();
          case "sklearn-stop-bigrams" ->
              PaperAnalyzer.Options.sklearnCompatible()
                  .withStopWords(PaperAnalyzer.StopWords.SKLEARN_ENGLISH)
                  .withNgrams(1, 2);
          case "abstracts" -> PaperAnalyzer.Options.abstracts();
          default -> throw new IllegalArgumentException("unknown preset " + preset);
        };
    analyzer = new PaperAnalyzer(o);
    if (analyze() == 0) {
      throw new IllegalStateException("no tokens produced for preset " + preset);
    }
  }

  @TearDown
  public void tearDown() {
    analyzer.close();
  }

  /** Total characters of all tokens, so nothing is optimized away. */
  @Benchmark
  public long analyze() throws IOException {
    long chars = 0;
    for (String t : texts) {
      try (TokenStream ts = analyzer.tokenStream("text", t)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          chars += term.length();
        }
        ts.end();
      }
    }
    return chars;
  }
}
