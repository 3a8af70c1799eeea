package org.papermap.vector;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs a task over fixed-size chunks {@code [from, to)} of {@code 0..n-1} on an executor and hands
 * the results to a consumer strictly in chunk order, with at most {@code 2 × parallelism} chunks in
 * flight so that memory stays bounded. Chunk boundaries do not depend on the thread count, and the
 * consumer runs on the calling thread in chunk order, so results are identical for any thread count.
 *
 * <p>Thread-safety: stateless and safe.
 */
final class ChunkRunner {
  private ChunkRunner() {}

  @FunctionalInterface
  interface ChunkTask<T> {
    T run(int from, int to);
  }

  static <T> void run(
      int n, int chunkSize, Executor executor, int parallelism, ChunkTask<T> task, Consumer<T> inOrder) {
    if ((executor == null && parallelism == 1) || n <= chunkSize) {
      // one chunk (e.g. transform of one paper): run inline rather than start a pool
      for (int from = 0; from < n; from += chunkSize) {
        inOrder.accept(task.run(from, Math.min(n, from + chunkSize)));
      }
      return;
    }
    ForkJoinPool own = executor == null ? new ForkJoinPool(parallelism) : null;
    Executor exec = executor != null ? executor : own;
    try {
      int window = 2 * parallelism;
      ArrayDeque<CompletableFuture<T>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < n || !inFlight.isEmpty()) {
        while (next < n && inFlight.size() < window) {
          final int from = next;
          final int to = Math.min(n, from + chunkSize);
          inFlight.add(CompletableFuture.supplyAsync(() -> task.run(from, to), exec));
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

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
