package io.amcfacade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness itself, not a timed test: {@code bench/run --smoke} against the packaged jar
 * must finish and measure every workload through all three configurations (direct, nginx, facade)
 * without errors, with the sandbox's fixed latency visible in the direct figures. It writes only to
 * {@code target/bench-smoke}; the full benchmark stays out of the build.
 */
@Order(1) // one of the two longest integration tests: started first, beside the other (pom.xml, failsafe)
class BenchSmokeIT {

    private static final Path OUT = Path.of("target", "bench-smoke");
    private static final double SANDBOX_LATENCY_MS = 20;

    @Test
    void smokeRunMeasuresEveryWorkloadThroughAllThreeConfigurations() throws Exception {
        ProcessBuilder smoke = new ProcessBuilder("bash", "bench/run", "--smoke");
        smoke.environment().put("BENCH_EXTRA_JAVA_OPTS", System.getProperty("test.jvm.options", ""));
        Process run = smoke
                .redirectErrorStream(true)
                .redirectOutput(new File("target/bench-smoke.log"))
                .start();
        run.getOutputStream().close();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        assertThat(finished).as("bench/run --smoke finished within 10 minutes").isTrue();
        assertThat(run.exitValue()).as("exit code; see target/bench-smoke.log").isZero();

        List<String[]> lines = Files.readAllLines(OUT.resolve("phases.tsv")).stream().skip(1)
                .map(line -> line.split("\t", -1)).toList();
        // label, target, workload, mode, level, kind, ok, errors, seconds, throughput, p50, p90, p99, p999, max
        Map<String, List<String[]>> byConfig = lines.stream().collect(Collectors.groupingBy(f -> f[0]));
        assertThat(byConfig).containsOnlyKeys("direct", "nginx", "facade");
        for (List<String[]> config : byConfig.values()) {
            assertThat(config.stream().map(f -> f[5] + "/" + f[3]).toList()).containsExactlyInAnyOrder(
                    "accounts/concurrency", "accounts/rate", "invitations/concurrency", "invitations/rate",
                    "invite/concurrency", "invite/rate", "revoke/concurrency", "revoke/rate");
        }
        for (String[] f : lines) {
            String what = String.join(" ", f[0], f[5], f[3]);
            assertThat(Long.parseLong(f[6])).as(what + ": requests").isPositive();
            assertThat(Long.parseLong(f[7])).as(what + ": errors (" + f[15] + ")").isZero();
            assertThat(Double.parseDouble(f[10])).as(what + ": p50 includes the sandbox latency")
                    .isGreaterThanOrEqualTo(SANDBOX_LATENCY_MS);
        }
        assertThat(Files.readString(OUT.resolve("report.md"))).contains("### Start to ready", "| facade |");
        assertThat(OUT.resolve("img/facade-latency.png")).isNotEmptyFile();
    }
}
