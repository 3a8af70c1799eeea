package org.papermap.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.papermap.corpus.Corpus;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfModel;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

/**
 * TF-IDF fit_transform and transform on {@code docs} real abstracts with scikit-learn's settings of
 * the side-by-side run (sublinear tf, (1,2)-grams, min_df 2, English stop words).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class TfIdfBenchmark {
  @Param({"5000"})
  public int docs;

  @Param({"1", "2"})
  public int parallelism;

  private Corpus corpus;
  private TfIdfVectorizer vectorizer;
  private TfIdfModel model;

  @Setup
  public void setup() {
    corpus = BenchData.load(docs);
    vectorizer = new TfIdfVectorizer(SideBySide.sklearnBaseline(parallelism));
    TfIdfResult r = vectorizer.fitTransform(corpus);
    model = r.model();
    if (r.matrix().rows() != corpus.size() || model.vocabulary().size() == 0) {
      throw new IllegalStateException("bad setup result " + r);
    }
  }

  @Benchmark
  public TfIdfResult fitTransform() {
    return vectorizer.fitTransform(corpus);
  }

  @Benchmark
  public SparseMatrix transform() {
    return model.transform(corpus);
  }

}
