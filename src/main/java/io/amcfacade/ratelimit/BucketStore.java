package io.amcfacade.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
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
                .build(key, limit::configuration));
    }

    /** The database did not answer: refuse rather than let traffic through unmetered. */
    static ProblemException unavailable(RuntimeException cause) {
        return new ProblemException(Problems.of(ProblemCode.RATE_LIMIT_UNAVAILABLE,
                "The shared rate limits cannot be read (database unreachable); nothing was done. Retry later."),
                Map.of("Retry-After", UNAVAILABLE_RETRY_AFTER), cause);
    }
}
