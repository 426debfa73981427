package io.amcfacade.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops Prism, pinned with the Node.js it runs on in {@code contract/} (installed by the
 * build's {@code contract-tools} step), for the tests that put it in front of or behind the facade.
 */
public final class Prism {

    private static final Path TOOLS = Path.of(System.getProperty("contract.tools", "contract")).toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    /** A Prism process and the loopback port it listens on. */
    public record Running(Process process, int port) {

        public String baseUri() {
            return "http://127.0.0.1:" + port;
        }

        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Prism() {
    }

    /** Runs {@code prism <arguments> --host 127.0.0.1 --port <free>}, logging to {@code log}, and waits until it listens. */
    public static Running start(List<String> arguments, Path log) throws IOException, InterruptedException {
        Path bin = TOOLS.resolve(Path.of("node_modules", ".bin"));
        Path prism = bin.resolve("prism");
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException(prism + " is missing: the build installs it (npm ci in contract/, "
                    + "execution contract-tools), which -DskipTests or -Dcontract.skip leave out");
        }
        int port = FacadeProcess.freePort();
        List<String> command = new ArrayList<>(List.of(prism.toString()));
        command.addAll(arguments);
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Prism's launcher asks for `node`: the pinned one beside it, not whatever the machine has.
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Running running = new Running(builder.start(), port);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running.process().isAlive()) {
                throw new IllegalStateException("Prism stopped; see " + log);
            }
            if (listens(port)) {
                return running;
            }
            Thread.sleep(200);
        }
        running.stop();
        throw new IllegalStateException("Prism did not listen within " + READY_WITHIN + "; see " + log);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
