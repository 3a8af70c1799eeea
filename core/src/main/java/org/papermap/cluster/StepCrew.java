package org.papermap.cluster;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small crew of threads for algorithms made of many short parallel steps (Prim's scan runs once per
 * added point), where submitting tasks per step would cost more than the step. Each {@link #run}
 * hands out {@code parts} part numbers; the calling thread takes parts too, so a step always finishes
 * even if the executor never starts a helper. Parts write only their own output slots, so results do
 * not depend on which thread ran which part.
 *
 * <p>Helpers spin briefly between steps, then yield, then park for short naps: cheap when steps come
 * back to back, quiet when the caller works alone for a while.
 *
 * <p>Thread-safety: {@link #run} and {@link #close} are called by one owner thread only.
 */
final class StepCrew implements AutoCloseable {
  private static final int SPINS = 256;
  private static final int YIELDS = 200;
  private static final long NAP_NANOS = 50_000;

  private final int helpers;
  /** epoch << 32 | next unclaimed part. */
  private final AtomicLong claim = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private volatile int epoch;
  private volatile boolean closed;
  private int parts;
  private IntConsumer task;

  /**
   * @param parallelism total threads including the caller, {@code >= 1}
   * @param executor where helpers run; {@code null} for private daemon threads
   */
  StepCrew(int parallelism, Executor executor) {
    this.helpers = parallelism - 1;
    for (int h = 0; h < helpers; h++) {
      Runnable loop = this::helperLoop;
      if (executor == null) {
        Thread.ofPlatform().daemon().name("papermap-prim-" + h).start(loop);
      } else {
        executor.execute(loop);
      }
    }
  }

  /** Number of helper threads (parallelism − 1). */
  int helpers() {
    return helpers;
  }

  /** Runs {@code task.accept(part)} for every part in {@code [0, parts)} and waits for all of them. */
  void run(int parts, IntConsumer task) {
    if (helpers == 0 || parts == 1) {
      for (int p = 0; p < parts; p++) {
        task.accept(p);
      }
      return;
    }
    this.parts = parts;
    this.task = task;
    done.set(0);
    int e = epoch + 1;
    claim.set((long) e << 32);
    epoch = e; // volatile write publishes parts, task and the claim counter
    work(e);
    for (int spins = 0; done.get() < parts; spins++) {
      backOff(spins);
    }
  }

  private void helperLoop() {
    int seen = epoch;
    for (int spins = 0; !closed; ) {
      int e = epoch;
      if (e == seen) {
        backOff(spins++);
        continue;
      }
      seen = e;
      spins = 0;
      work(e);
    }
  }

  /** Claims and runs parts of step {@code e} until none is left. */
  private void work(int e) {
    while (true) {
      long s = claim.get();
      if ((int) (s >>> 32) != e || (int) s >= parts) {
        return;
      }
      if (claim.compareAndSet(s, s + 1)) {
        task.accept((int) s); // the owner waits for this part, so parts and task are still this step's
        done.incrementAndGet();
      }
    }
  }

  private static void backOff(int spins) {
    if (spins < SPINS) {
      Thread.onSpinWait();
    } else if (spins < SPINS + YIELDS) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(NAP_NANOS);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
