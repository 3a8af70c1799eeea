package org.papermap.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one parallel runner of the library: splits {@code [0, n)} into chunks and runs them on a
 * caller-supplied executor or on a private pool of daemon threads (created for the call and shut down
 * before it returns), never on the common pool. With one thread, or a single chunk, everything runs on
 * the calling thread.
 *
 * <p>Results never depend on the thread count: chunk boundaries are fixed by the caller, each task
 * writes only its own output slots, and {@link #forChunksInOrder} hands chunk results to the consumer
 * in chunk order on the calling thread.
 *
 * <p>An {@link Error} (such as {@link OutOfMemoryError}) or a {@link RuntimeException} thrown by a task
 * is rethrown on the calling thread as is.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class Parallel {
  /** Work on the half-open range {@code [from, to)}; the worker id is in {@code [0, parallelism)}. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int worker, int from, int to);
  }

  /** Work on {@code [from, to)} that returns a result for the chunk. */
  @FunctionalInterface
  public interface ChunkTask<T> {
    T run(int from, int to);
  }

  /** Work on the slice {@code [from, to)}. */
  @FunctionalInterface
  public interface SliceTask {
    void run(int from, int to);
  }

  /**
   * How one call runs its parallel loops: a thread count and where the threads come from.
   *
   * @param parallelism threads, {@code >= 1}
   * @param executor where they run; {@code null} for a private pool per loop
   */
  public record Workers(int parallelism, Executor executor) {
    /** One thread, no executor. */
    public static final Workers ONE = new Workers(1, null);

    public Workers {
      VectorChecks.checkParallelism(parallelism);
    }

    /**
     * Runs {@code task} over {@code min(parallelism, count)} contiguous slices of {@code [0, count)}
     * and waits for all of them.
     */
    public void forSlices(int count, SliceTask task) {
      int threads = Math.max(1, Math.min(parallelism, count));
      int slice = (int) (((long) count + threads - 1) / threads);
      forRange(count, Math.max(1, slice), threads, executor, (w, from, to) -> task.run(from, to));
    }
  }

  private Parallel() {}

  /**
   * Splits {@code [0, n)} into chunks of at most {@code chunk} items handed out to {@code parallelism}
   * workers in turn, and waits for all of them. With parallelism 1 runs the chunks in order on the
   * calling thread (so that a task that counts progress per chunk does so with one thread too).
   */
  public static void forRange(int n, int chunk, int parallelism, Executor executor, RangeTask task) {
    if (parallelism <= 1 || n <= chunk) {
      for (int from = 0; from < n; from += chunk) {
        task.run(0, from, Math.min(n, from + chunk));
      }
      return;
    }
    ExecutorService own = executor == null ? newPool(parallelism) : null;
    Executor ex = executor != null ? executor : own;
    try {
      AtomicInteger next = new AtomicInteger();
      List<CompletableFuture<Void>> futures = new ArrayList<>(parallelism);
      for (int w = 0; w < parallelism; w++) {
        int worker = w;
        futures.add(
            CompletableFuture.runAsync(
                () -> {
                  int from;
                  while ((from = next.getAndAdd(chunk)) < n) {
                    task.run(worker, from, Math.min(n, from + chunk));
                  }
                },
                ex));
      }
      join(CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])));
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
  }

  /**
   * Runs {@code task} over fixed chunks {@code [from, to)} of {@code 0..n-1} and hands the results to
   * {@code inOrder} strictly in chunk order on the calling thread, with at most {@code 2 ×
   * parallelism} chunks in flight so that memory stays bounded.
   */
  public static <T> void forChunksInOrder(
      int n, int chunkSize, int parallelism, Executor executor, ChunkTask<T> task, Consumer<T> inOrder) {
    if ((executor == null && parallelism == 1) || n <= chunkSize) {
      // one chunk (e.g. transform of one paper): run inline rather than start a pool
      for (int from = 0; from < n; from += chunkSize) {
        inOrder.accept(task.run(from, Math.min(n, from + chunkSize)));
      }
      return;
    }
    ExecutorService own = executor == null ? newPool(parallelism) : null;
    Executor ex = executor != null ? executor : own;
    try {
      int window = 2 * parallelism;
      ArrayDeque<CompletableFuture<T>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < n || !inFlight.isEmpty()) {
        while (next < n && inFlight.size() < window) {
          final int from = next;
          final int to = Math.min(n, from + chunkSize);
          inFlight.add(CompletableFuture.supplyAsync(() -> task.run(from, to), ex));
          next = to;
        }
        inOrder.accept(join(inFlight.poll()));
      }
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
  }

  /**
   * Runs {@code body} with workers on {@code executor}, or, when it is null and {@code parallelism >
   * 1}, on one private pool that serves every loop of the body and is shut down when it returns.
   */
  public static <T> T withWorkers(int parallelism, Executor executor, Function<Workers, T> body) {
    ExecutorService own = executor == null && parallelism > 1 ? newPool(parallelism) : null;
    try {
      return body.apply(new Workers(parallelism, executor != null ? executor : own));
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
  }

  /** Creates one scratch object per worker. */
  public static <T> List<T> perWorker(int parallelism, IntFunction<T> factory) {
    List<T> list = new ArrayList<>(Math.max(1, parallelism));
    for (int i = 0; i < Math.max(1, parallelism); i++) {
      list.add(factory.apply(i));
    }
    return list;
  }

  private static ExecutorService newPool(int parallelism) {
    return Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().name("papermap-worker-", 0).daemon().factory());
  }

  /** Waits for {@code f}; a task's RuntimeException or Error is rethrown as is. */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
