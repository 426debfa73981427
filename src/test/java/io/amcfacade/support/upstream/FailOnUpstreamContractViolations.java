package io.amcfacade.support.upstream;

import java.util.List;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Fails a {@code @QuarkusTest} method after which the facade sent the sandbox a request, or the sandbox
 * gave an answer, that breaks contract/upstream/, naming each operation and field. Registered for every
 * test through {@code META-INF/services}.
 */
public class FailOnUpstreamContractViolations implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        List<String> violations = UpstreamContractViolations.takeAll();
        if (!violations.isEmpty()) {
            throw new AssertionError(context.getTestMethod().getName() + " broke contract/upstream/:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
