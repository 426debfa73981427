package io.amcfacade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prism in proxy mode in front of the facade: it forwards every call and reports, in the response
 * header {@code sl-violations}, every way the request or the response does not match
 * {@code openapi.yaml}. Prism and the Node.js it runs on come from {@code contract/} (pinned,
 * installed by the build's {@code contract-tools} step).
 */
public final class ValidatingProxy implements AutoCloseable {

    /** Where a part of the exchange broke the contract, and how. */
    public record Violation(String where, String message) {

        public boolean inResponse() {
            return where.startsWith("response");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Prism.Running prism;

    private ValidatingProxy(Prism.Running prism) {
        this.prism = prism;
    }

    /** Starts Prism against {@code upstream}, logging to {@code log}, and waits until it listens. */
    public static ValidatingProxy start(String upstream, Path log) throws IOException, InterruptedException {
        return new ValidatingProxy(Prism.start(List.of("proxy", Contract.FILE.toAbsolutePath().toString(), upstream,
                "--errors", "false"), log));
    }

    public String baseUri() {
        return prism.baseUri();
    }

    /** The violations Prism found in one exchange; none when the request and response both match the contract. */
    public static List<Violation> violations(HttpResponse<?> response) {
        List<Violation> violations = new ArrayList<>();
        for (String header : response.headers().allValues("sl-violations")) {
            try {
                for (JsonNode violation : JSON.readTree(header)) {
                    List<String> location = new ArrayList<>();
                    violation.path("location").forEach(part -> location.add(part.asText()));
                    violations.add(new Violation(String.join(".", location), violation.path("message").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return violations;
    }

    @Override
    public void close() throws InterruptedException {
        prism.stop();
    }
}
