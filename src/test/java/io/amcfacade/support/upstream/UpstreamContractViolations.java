package io.amcfacade.support.upstream;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract violations {@link UpstreamContractCheck} saw since the last test ended. After every
 * {@code @QuarkusTest} method {@link FailOnUpstreamContractViolations} fails the test if any are left: a
 * test that breaks the contract on purpose takes them first.
 */
public final class UpstreamContractViolations {

    private static final List<String> SEEN = new ArrayList<>();

    private UpstreamContractViolations() {
    }

    static synchronized void add(List<String> violations) {
        SEEN.addAll(violations);
    }

    /** Every violation seen so far, forgotten from here on. */
    public static synchronized List<String> takeAll() {
        List<String> taken = List.copyOf(SEEN);
        SEEN.clear();
        return taken;
    }
}
