package org.papermap.cluster;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.papermap.internal.Parallel;

/**
 * Where one k-means fit runs its parallel phases: the caller's executor, or a pool of its own made once
 * per fit (not once per iteration) and shut down by {@link #close()}. Work is split into fixed chunks
 * whose boundaries do not depend on the thread count, so per-chunk partial sums added in chunk order give
 * the same result on any number of threads.
 *
 * <p>Thread-safety: used by the thread that runs the fit; the tasks it starts run concurrently.
 */
final class KMeansExecution implements AutoCloseable {
  /** Points per chunk of an assignment or seeding pass (also the unit of the ordered partial sums). */
  static final int CHUNK = 512;

  final int parallelism;
  private final Executor executor;
  private final ExecutorService own;

  KMeansExecution(int parallelism, Executor executor) {
    this.parallelism = parallelism;
    if (parallelism > 1 && executor == null) {
      own = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().daemon().name("papermap-kmeans-", 0).factory());
      this.executor = own;
    } else {
      own = null;
      this.executor = executor;
    }
  }

  /** Number of {@link #CHUNK}-sized chunks covering {@code n} items. */
  static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }

  /** Work on chunk {@code index} = {@code [from, to)} of {@link #CHUNK} items (the last may be shorter). */
  @FunctionalInterface
  interface ChunkTask {
    void run(int worker, int index, int from, int to);
  }

  /**
   * Runs {@code task} once per chunk of {@link #CHUNK} items of {@code [0, n)}, whatever the thread count
   * (a single thread gets the chunks one by one too), so partials indexed by chunk are reproducible.
   */
  void forChunks(int n, ChunkTask task) {
    forRange(
        n, CHUNK,
        (worker, from, to) -> {
          for (int start = from; start < to; start += CHUNK) {
            task.run(worker, start / CHUNK, start, Math.min(to, start + CHUNK));
          }
        });
  }

  /** Runs {@code task} over {@code [0, n)} in chunks of {@code chunk} items. */
  void forRange(int n, int chunk, Parallel.RangeTask task) {
    Parallel.forRange(n, chunk, parallelism, executor, task);
  }

  /** Sum of the partials in index order. */
  static double sumInOrder(double[] partials) {
    double s = 0;
    for (double p : partials) {
      s += p;
    }
    return s;
  }

  @Override
  public void close() {
    if (own != null) {
      own.shutdown();
    }
  }
}
