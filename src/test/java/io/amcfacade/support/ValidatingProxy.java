package io.amcfacade.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private static final Path TOOLS = Path.of(System.getProperty("contract.tools", "contract")).toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private ValidatingProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Prism against {@code upstream}, logging to {@code log}, and waits until it listens. */
    public static ValidatingProxy start(String upstream, Path log) throws IOException, InterruptedException {
        Path bin = TOOLS.resolve(Path.of("node_modules", ".bin"));
        Path prism = bin.resolve("prism");
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException(prism + " is missing: the build installs it (npm ci in contract/, "
                    + "execution contract-tools), which -DskipTests or -Dcontract.skip leave out");
        }
        int port = FacadeProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(prism.toString(), "proxy", Contract.FILE.toAbsolutePath().toString(),
                upstream, "--host", "127.0.0.1", "--port", Integer.toString(port), "--errors", "false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Prism's launcher asks for `node`: the pinned one beside it, not whatever the machine has.
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        ValidatingProxy proxy = new ValidatingProxy(builder.start(), port);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!proxy.process.isAlive()) {
                throw new IllegalStateException("Prism stopped; see " + log);
            }
            if (proxy.listens()) {
                return proxy;
            }
            Thread.sleep(200);
        }
        proxy.close();
        throw new IllegalStateException("Prism did not listen within " + READY_WITHIN + "; see " + log);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
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
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
