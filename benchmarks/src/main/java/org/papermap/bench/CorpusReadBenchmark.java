package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.ReadResult;
import org.papermap.corpus.TextNormalization;

/**
 * Time to read a whole real corpus with {@link CorpusReader}: by default the 118,024-abstract
 * {@code shared/data/arxiv-daily.jsonl.gz} (gzip JSON Lines, about 200 MB uncompressed), found in the
 * working directory or one of its parents; {@code -Dpapermap.corpus=/path/to/file} reads another
 * file. If neither exists the benchmark stops in setup with a message saying so.
 *
 * <p>Each operation is one full read (gunzip, strict UTF-8 decoding, JSON parsing, normalization,
 * duplicate-id check, Corpus build), so the mode is single-shot time.
 *
 * <pre>
 * mvn -B -q -pl core,benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CorpusReadBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CorpusReadBenchmark {
  static final String PROPERTY = "papermap.corpus";
  static final String DEFAULT_RELATIVE = "shared/data/arxiv-daily.jsonl.gz";

  @Param({"NFKC", "NONE"})
  public TextNormalization normalization;

  private Path path;
  private CorpusReader.Options options;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    path = locate();
    options = CorpusReader.Options.builder().normalization(normalization).build();
    // Correctness once, outside the measurement: the file reads and gives papers.
    ReadResult r = CorpusReader.read(List.of(path), options);
    if (r.corpus().isEmpty()) {
      throw new IllegalStateException(path + " gave no papers");
    }
  }

  @Benchmark
  public ReadResult readAll() throws IOException {
    return CorpusReader.read(List.of(path), options);
  }

  /** The corpus file: -Dpapermap.corpus, else shared/data/... in the working directory or a parent. */
  static Path locate() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isReadable(p)) {
        throw new IllegalStateException("-D" + PROPERTY + "=" + configured + ": file not found or not readable");
      }
      return p;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(DEFAULT_RELATIVE);
      if (Files.isReadable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "skipping CorpusReadBenchmark: no "
            + DEFAULT_RELATIVE
            + " in the working directory or its parents; pass -D"
            + PROPERTY
            + "=/path/to/corpus.jsonl.gz");
  }
}
