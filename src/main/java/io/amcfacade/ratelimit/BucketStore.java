package io.amcfacade.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Token buckets kept in PostgreSQL (Bucket4j, {@code SELECT … FOR UPDATE} on the unlogged table
 * {@code rate_limit_bucket}), so every replica draws from the same buckets: the fleet, not each pod,
 * keeps to a limit. Requests of one replica that want the same bucket at the same time share one
 * database round trip (Bucket4j's batching: the next transaction carries everything that queued up
 * behind the current one), so a busy bucket costs one row lock per batch, not per request, and no
 * token is ever granted that the shared state did not hold (docs/decisions/0008).
 */
@ApplicationScoped
public class BucketStore {

    /** A caller told to come back once the database answers again; the audit trail says the same. */
    private static final String UNAVAILABLE_RETRY_AFTER = "5";
    /** Tries of a take whose bucket was being created; each loser of the race finds the row on its next. */
    private static final int CREATION_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(BucketStore.class);
    /**
     * After a take failed for want of the database, takes are refused without asking it for this long:
     * a breaker, so a crowd of callers is refused at once rather than one connection timeout after another.
     */
    private static final java.time.Duration UNREACHABLE_PAUSE = java.time.Duration.ofSeconds(1);
    private static volatile long unreachableUntilNanos;

    @Inject
    AgroalDataSource dataSource;

    private ProxyManager<String> buckets;
    private final Map<Keyed, BucketProxy> proxies = new ConcurrentHashMap<>();

    private record Keyed(String key, Limit limit) {
    }

    @PostConstruct
    void connect() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .build();
    }

    /** The shared bucket {@code key}, configured as {@code limit} (a changed limit replaces the stored one). */
    BucketProxy bucket(String key, Limit limit) {
        return proxies.computeIfAbsent(new Keyed(key, limit), keyed -> buckets.builder()
                .withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.RESET)
                .withOptimization(Optimizations.batching())
                // The limit is part of the key: Bucket4j replaces a stored configuration only by a higher
                // version, so a limit lowered across a restart would otherwise never take effect.
                .build(key + "|" + limit.requests() + "/" + limit.period().toMillis() + "ms/" + limit.burst(),
                        limit::configuration));
    }

    /**
     * Runs one take from a bucket. The first takes of a new bucket (a fresh deployment, a caller's first
     * burst, the unlogged table emptied by a PostgreSQL crash) race to create its row, and the losers
     * are told it is not there: that is no outage, so they try again, a few times.
     */
    static <T> T take(Supplier<T> take) {
        long pausedUntil = unreachableUntilNanos;
        if (pausedUntil != 0 && System.nanoTime() - pausedUntil < 0) {
            throw unavailable(new IllegalStateException("the database was unreachable moments ago"));
        }
        for (int attempt = 1;; attempt++) {
            try {
                T taken = take.get();
                unreachableUntilNanos = 0;
                return taken;
            } catch (RuntimeException e) {
                if (attempt >= CREATION_ATTEMPTS || !isMissingBucket(e)) {
                    // Callers queued behind this one would each wait a connection timeout of their own.
                    unreachableUntilNanos = System.nanoTime() + UNREACHABLE_PAUSE.toNanos();
                    throw unavailable(e);
                }
            }
        }
    }

    /** Bucket4j's batching wraps the missing bucket of the batch's first command. */
    private static boolean isMissingBucket(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** The database did not answer: refuse rather than let traffic through unmetered, and say why in the log. */
    static ProblemException unavailable(RuntimeException cause) {
        LOG.warnf(cause, "Shared rate limits unavailable, answering %s", ProblemCode.RATE_LIMIT_UNAVAILABLE);
        return new ProblemException(Problems.of(ProblemCode.RATE_LIMIT_UNAVAILABLE,
                "The shared rate limits cannot be read (database unreachable); nothing was done. Retry later."),
                Map.of("Retry-After", UNAVAILABLE_RETRY_AFTER), cause);
    }
}
