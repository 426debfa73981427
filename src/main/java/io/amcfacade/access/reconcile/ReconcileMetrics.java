package io.amcfacade.access.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The reconciler's metrics: when each account was last reconciled successfully, what each pass cost
 * and found. Readiness does not depend on any of them: a reconciler behind schedule is an operator's
 * concern, not a reason to stop serving callers.
 */
@ApplicationScoped
public class ReconcileMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void account(AccountReconciliation.Result result) {
        lastSuccess.computeIfAbsent(result.accountId(), account -> {
            AtomicLong epochSeconds = new AtomicLong();
            registry.gauge("amc.access.account.last.success.seconds",
                    io.micrometer.core.instrument.Tags.of("account", account), epochSeconds);
            return epochSeconds;
        }).set(System.currentTimeMillis() / 1000);
        registry.counter("amc.access.amc.calls").increment(result.calls());
        registry.counter("amc.access.changes", "via", "any").increment(result.changes());
        registry.counter("amc.access.changes", "via", "out-of-band").increment(result.outOfBand());
    }

    void pass(AccessReconciler.PassSummary summary) {
        registry.timer("amc.access.pass").record(Duration.ofMillis(summary.durationMillis()));
        registry.summary("amc.access.pass.amc.calls").record(summary.calls());
        registry.summary("amc.access.pass.changes").record(summary.changes());
    }

    void throttled() {
        registry.counter("amc.access.throttled").increment();
    }

    void failed() {
        registry.counter("amc.access.failures").increment();
    }
}
