package io.amcfacade.support.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.amcfacade.support.Prism;

/**
 * Prism in mock mode on one of contract/upstream/'s files: an upstream built from the contract alone,
 * answering each operation with its example and refusing, with {@code --errors}, any request that
 * breaks the contract (422), asks for a media type it cannot produce (406) or lacks the bearer (401).
 */
public final class PrismMock implements AutoCloseable {

    private final Prism.Running prism;
    private final Path log;

    private PrismMock(Prism.Running prism, Path log) {
        this.prism = prism;
        this.log = log;
    }

    public static PrismMock start(Path contract, Path log) throws IOException, InterruptedException {
        return new PrismMock(Prism.start(List.of("mock", contract.toAbsolutePath().toString(), "--errors"), log), log);
    }

    /**
     * Prism as a validating proxy on {@code contract}: forwards each request to {@code upstream} and, with
     * {@code --errors}, refuses a request or an answer that breaks the definition instead of passing it on.
     */
    public static PrismMock proxy(Path contract, String upstream, Path log) throws IOException, InterruptedException {
        return new PrismMock(Prism.start(List.of("proxy", contract.toAbsolutePath().toString(), upstream, "--errors"),
                log), log);
    }

    public String baseUri() {
        return prism.baseUri();
    }

    /** What Prism logged: every request it refused says so. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        prism.stop();
    }
}
