package io.amcfacade.support.upstream;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.amcfacade.support.FacadeProcess;

/**
 * Prism in mock mode on one of contract/upstream/'s files: an upstream built from the contract alone,
 * answering each operation with its example and refusing, with {@code --errors}, any request that
 * breaks the contract (422), asks for a media type it cannot produce (406) or lacks the bearer (401).
 * Prism and its Node.js come from {@code contract/} (installed by the build's {@code contract-tools} step).
 */
public final class PrismMock implements AutoCloseable {

    private static final Path TOOLS = Path.of(System.getProperty("contract.tools", "contract")).toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private PrismMock(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PrismMock start(Path contract, Path log) throws IOException, InterruptedException {
        Path bin = TOOLS.resolve(Path.of("node_modules", ".bin"));
        Path prism = bin.resolve("prism");
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException(prism + " is missing: the build installs it (npm ci in contract/, "
                    + "execution contract-tools), which -DskipTests or -Dcontract.skip leave out");
        }
        int port = FacadeProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(prism.toString(), "mock", contract.toAbsolutePath().toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--errors")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        PrismMock mock = new PrismMock(builder.start(), port, log);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!mock.process.isAlive()) {
                throw new IllegalStateException("Prism stopped; see " + log);
            }
            if (mock.listens()) {
                return mock;
            }
            Thread.sleep(200);
        }
        mock.close();
        throw new IllegalStateException("Prism did not listen within " + READY_WITHIN + "; see " + log);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** What Prism logged: every request it refused says so. */
    public String log() throws IOException {
        return Files.readString(log);
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
