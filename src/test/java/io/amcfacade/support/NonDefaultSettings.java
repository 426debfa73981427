package io.amcfacade.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The settings a few test classes need other than the test defaults, in one profile so that those classes
 * share one start of the application instead of one each (every distinct profile is a restart). Each
 * setting is named after the class that needs it and leaves the others' behaviour as the defaults have it:
 * limits are per caller and per AMC operation group, and tests use callers of their own.
 */
public class NonDefaultSettings implements QuarkusTestProfile {

    /** InboundRateLimitTest: auditors get 3 requests a minute, all at once if they like. */
    public static final int AUDITS_PER_MINUTE = 3;
    /** OpenBreakerSpendsNoBudgetTest: one instance call a second, so a refusal waiting for a token would show. */
    public static final int INSTANCE_CALLS_PER_SECOND = 1;

    /** EventDeliveryWakesOnSealTest: the deliverer's poll, far longer than the test waits for an event. */
    public static final String EVENTS_POLL_INTERVAL = "PT10M";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("amc.inbound.rate-limit.auditor.requests-per-minute", Integer.toString(AUDITS_PER_MINUTE)),
                Map.entry("amc.inbound.rate-limit.auditor.burst", Integer.toString(AUDITS_PER_MINUTE)),
                Map.entry("amc.upstream.rate-limit.instances.requests-per-second", Integer.toString(INSTANCE_CALLS_PER_SECOND)),
                Map.entry("amc.upstream.rate-limit.instances.burst", Integer.toString(INSTANCE_CALLS_PER_SECOND)),
                // OpenBreakerSpendsNoBudgetTest: the breaker stays open for the whole test once it opens.
                Map.entry("amc.upstream.circuit-breaker.delay", "PT30S"),
                // ThrottledAmcTest: the production deadline, attempt timeout and retry budget.
                Map.entry("amc.upstream.deadline", "PT8S"),
                Map.entry("amc.upstream.attempt-timeout", "PT4S"),
                Map.entry("amc.upstream.retry.budget-tokens", "10"),
                Map.entry("amc.upstream.retry.retry-after-cap", "PT5S"),
                // ContractDriftTest: scanning on (but for the sandbox and the console, which are no part of the public
                // API), the static file ignored, operation ids from the Java method names. Only /q/openapi changes.
                Map.entry("mp.openapi.scan.disable", "false"),
                Map.entry("mp.openapi.scan.exclude.packages", "io.amcfacade.sandbox,io.amcfacade.console"),
                Map.entry("quarkus.smallrye-openapi.ignore-static-document", "true"),
                Map.entry("mp.openapi.extensions.smallrye.operationIdStrategy", "METHOD"),
                // EventDeliveryWakesOnSealTest: the deliverer on its own, as on a replica, with a poll too long to
                // deliver anything during the run: an event that arrives was woken by its seal's announcement.
                Map.entry("amc.events.scheduled", "true"),
                Map.entry("amc.events.poll-interval", EVENTS_POLL_INTERVAL));
    }
}
