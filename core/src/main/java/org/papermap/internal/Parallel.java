package org.papermap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Runs a task over {@code [0, n)} split into contiguous chunks on a local pool or a caller-supplied
 * executor, never on the common pool. Each task writes only to its own output slots, so the result
 * does not depend on the thread count.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class Parallel {
  /** Work on the half-open range {@code [from, to)}; the worker id is in {@code [0, parallelism)}. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int worker, int from, int to);
  }

  private Parallel() {}

  /**
   * Splits {@code [0, n)} into chunks of at most {@code chunk} items handed out to {@code parallelism}
   * workers in turn, and waits for all of them. With parallelism 1 runs on the calling thread.
   */
  public static void forRange(int n, int chunk, int parallelism, Executor executor, RangeTask task) {
    if (parallelism <= 1 || n <= chunk) {
      task.run(0, 0, n);
      return;
    }
    ExecutorService own = null;
    Executor ex = executor;
    if (ex == null) {
      own = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().daemon().factory());
      ex = own;
    }
    try {
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
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
      try {
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
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
    } finally {
      if (own != null) {
        own.shutdown();
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
}
