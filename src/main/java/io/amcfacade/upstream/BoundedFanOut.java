package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jboss.logging.MDC;

/**
 * Runs independent tasks on a fixed pool shared by every request, so that however many requests fan
 * out at once, no more than {@code parallelism} tasks run: the bound holds for the whole replica, not
 * per request. Tasks must not need the caller's request scope; they may read its logging context.
 */
final class BoundedFanOut implements AutoCloseable {

    private final ExecutorService pool;

    BoundedFanOut(int parallelism, String threadName) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Applies {@code task} to every input and answers the results in input order. Once a result
     * satisfies {@code stop}, inputs not yet started are skipped and answer {@code null}; running ones
     * finish. Blocks until every task has finished or been skipped.
     */
    <I, R> List<R> map(List<I> inputs, Function<I, R> task, Predicate<R> stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        Map<String, Object> logContext = MDC.getMap();
        List<Future<R>> futures = new ArrayList<>();
        for (I input : inputs) {
            futures.add(pool.submit(() -> {
                if (stopped.get()) {
                    return null;
                }
                logContext.forEach(MDC::put);
                try {
                    R result = task.apply(input);
                    if (stop.test(result)) {
                        stopped.set(true);
                    }
                    return result;
                } finally {
                    MDC.clear();
                }
            }));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(await(future, stopped));
        }
        return results;
    }

    /**
     * Applies {@code task} to every input, the first on the calling thread while the others run on the pool, and
     * answers the results in input order: the caller, which waits anyway, takes one task off the shared pool.
     * Blocks until every task has finished; a task's exception is thrown once all have.
     */
    <I, R> List<R> mapWithCaller(List<I> inputs, Function<I, R> task) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<R> rest = new ArrayList<>();
        R first;
        if (inputs.size() == 1) {
            first = task.apply(inputs.get(0));
        } else {
            AtomicBoolean stopped = new AtomicBoolean();
            Map<String, Object> logContext = MDC.getMap();
            List<Future<R>> futures = new ArrayList<>();
            for (I input : inputs.subList(1, inputs.size())) {
                futures.add(pool.submit(() -> {
                    logContext.forEach(MDC::put);
                    try {
                        return task.apply(input);
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            try {
                first = task.apply(inputs.get(0));
            } finally {
                for (Future<R> future : futures) {
                    rest.add(await(future, stopped));
                }
            }
        }
        List<R> results = new ArrayList<>(inputs.size());
        results.add(first);
        results.addAll(rest);
        return results;
    }

    private static <R> R await(Future<R> future, AtomicBoolean stopped) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            stopped.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for upstream reads", e);
        } catch (ExecutionException e) {
            stopped.set(true);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
