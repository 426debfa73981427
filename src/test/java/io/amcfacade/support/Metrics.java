package io.amcfacade.support;

/** Reads figures out of the Prometheus text that {@code /q/metrics} answers. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of every series of metric {@code name} whose labels include {@code label} (e.g. {@code group="instances"}). */
    public static double sum(String exposition, String name, String label) {
        return exposition.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .map(Metrics::withoutExemplar)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A sample line without its exemplar ({@code # {trace_id=…} 1.0 …}), which tracing adds to counters it sees counted. */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # ");
        return exemplar < 0 ? line : line.substring(0, exemplar);
    }
}
