package io.amcfacade.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The pool behind role look-ups: a bound for the whole replica, answers in order, early stop. */
class BoundedFanOutTest {

    private static final int PARALLELISM = 4;

    @Test
    void neverRunsMoreTasksAtOnceThanItsParallelismEvenForSeveralCallers() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // The first tasks wait until the pool is full, so the bound is reached, not merely not exceeded.
        CountDownLatch poolFull = new CountDownLatch(PARALLELISM);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (BoundedFanOut fanOut = new BoundedFanOut(PARALLELISM, "test-fan-out")) {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int caller = 0; caller < 3; caller++) {
                answers.add(callers.submit(() -> fanOut.map(IntStream.range(0, 10).boxed().toList(), i -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    poolFull.countDown();
                    awaitQuietly(poolFull);
                    running.decrementAndGet();
                    return i * 2;
                }, result -> false)));
            }
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostAtOnce.get()).isEqualTo(PARALLELISM);
    }

    @Test
    void tasksNotYetStartedAreSkippedOnceAResultSaysStop() {
        AtomicInteger started = new AtomicInteger();
        try (BoundedFanOut fanOut = new BoundedFanOut(1, "test-fan-out")) {
            List<Integer> results = fanOut.map(List.of(1, 2, 3, 4, 5), i -> {
                started.incrementAndGet();
                return i;
            }, result -> result == 2);

            assertThat(results).containsExactly(1, 2, null, null, null);
        }
        assertThat(started.get()).isEqualTo(2);
    }

    @Test
    void aTaskThatThrowsFailsTheWholeMap() {
        try (BoundedFanOut fanOut = new BoundedFanOut(2, "test-fan-out")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fanOut.map(List.of(1, 2), i -> {
                if (i == 2) {
                    throw new IllegalArgumentException("boom");
                }
                return i;
            }, result -> false)).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        }
    }

    @Test
    void withTheCallerTheFirstRunsOnTheCallingThreadAndTheRestOnThePoolSideBySide() throws Exception {
        try (BoundedFanOut fanOut = new BoundedFanOut(1, "test-fan-out")) {
            // The pool's only thread is busy with another caller's task: the caller's own first input still runs.
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<List<Integer>> busy = other.submit(() -> fanOut.map(List.of(0), i -> {
                    awaitQuietly(release);
                    return i;
                }, result -> false));
                CountDownLatch firstRan = new CountDownLatch(1);
                ExecutorService caller = Executors.newSingleThreadExecutor();
                try {
                    Future<List<String>> answer = caller.submit(() -> fanOut.mapWithCaller(List.of("na", "eu", "fe"), region -> {
                        if (region.equals("na")) {
                            firstRan.countDown();
                        }
                        return region + "@" + Thread.currentThread().getName().startsWith("test-fan-out");
                    }));
                    assertThat(firstRan.await(5, TimeUnit.SECONDS)).as("the first input does not queue behind the pool")
                            .isTrue();
                    release.countDown();
                    assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("na@false", "eu@true", "fe@true");
                    assertThat(busy.get(10, TimeUnit.SECONDS)).containsExactly(0);
                } finally {
                    caller.shutdownNow();
                }
            } finally {
                release.countDown();
                other.shutdownNow();
            }
            assertThat(fanOut.mapWithCaller(List.of(7), i -> i + Thread.currentThread().getName())).hasSize(1);
            assertThat(fanOut.mapWithCaller(List.<Integer>of(), i -> i)).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
