package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A caller's first burst creates its bucket row while its other requests want it too: none of them
 * may be told the database is unreachable. Before, 18 of 20 got {@code 503 RATE_LIMIT_UNAVAILABLE}.
 */
@QuarkusTest
class FirstUseOfABucketTest {

    @Test
    void twentyConcurrentFirstRequestsOfANewCallerAreAllServed() throws Exception {
        String subject = Callers.uniqueSubject("burst");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Callers.as(subject, "auditor").get("/v1/audit/events?limit=1").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
