import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.imageio.ImageIO;

/**
 * Turns the raw output of {@code bench/run} into the "Facade overhead" section (markdown) and a PNG of
 * latency percentiles by configuration, drawn with Java2D (no plotting library on these machines).
 *
 * <pre>
 * java bench/Report.java OUT_DIR IMG_DIR          writes OUT_DIR/report.md and IMG_DIR/facade-latency.png
 * java bench/Report.java --splice REPORT DOC      replaces the section between the bench/run markers in DOC
 * </pre>
 */
public class Report {

    static final String BEGIN = "<!-- bench/run:begin -->";
    static final String END = "<!-- bench/run:end -->";
    static final List<String> CONFIGS = List.of("direct", "nginx", "facade", "before", "facade-extpg");
    /** The facades measured: this build, and with BENCH_COMPARE the revision it is compared with. */
    static final List<String> FACADES = List.of("facade", "before");
    static final List<String> WORKLOADS = List.of("accounts", "invitations", "writes");
    static final Map<String, List<String>> KINDS = Map.of("accounts", List.of("accounts"), "invitations",
            List.of("invitations"), "writes", List.of("invite", "revoke"));
    static final Map<String, String> KIND_NAMES = Map.of("accounts", "GET /v1/accounts (read)", "invitations",
            "list invitations (read)", "invite", "invite (write)", "revoke", "revoke (write)");
    static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };
    static final String[] QUANTILE_NAMES = { "p50", "p90", "p99", "p99.9" };
    static final Color[] COLORS = { new Color(0x4C72B0), new Color(0x55A868), new Color(0xC44E52), new Color(0x8172B2) };

    static String concurrencyOf(Path out) throws IOException {
        return Files.readAllLines(out.resolve("run.properties")).stream().filter(l -> l.startsWith("concurrency="))
                .map(l -> l.substring("concurrency=".length())).findFirst().orElse("?");
    }

    /** One line of phases.tsv or ramp.tsv. */
    record Phase(String config, String workload, String mode, String level, String kind, long ok, long errors,
            long seconds, double throughput, String firstError) {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--splice")) {
            splice(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        new Report(Path.of(args[0]), Path.of(args[1])).write();
    }

    private final Path out;
    private final Path img;
    private final Properties run = new Properties();
    private final List<Phase> phases;
    private final List<Phase> ramp;

    Report(Path out, Path img) throws IOException {
        this.out = out;
        this.img = img;
        try (var reader = Files.newBufferedReader(out.resolve("run.properties"))) {
            run.load(reader);
        }
        phases = phases(out.resolve("phases.tsv"));
        ramp = phases(out.resolve("ramp.tsv"));
    }

    static List<Phase> phases(Path tsv) throws IOException {
        List<Phase> result = new ArrayList<>();
        if (!Files.exists(tsv)) {
            return result;
        }
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("label")) {
                continue;
            }
            result.add(new Phase(f[0], f[2], f[3], f[4], f[5], Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8]), Double.parseDouble(f[9]), f[15]));
        }
        return result;
    }

    /** Every latency sample (µs, sorted) of one configuration, workload, mode and request kind, all rounds together. */
    long[] samples(String config, String workload, String mode, String kind) throws IOException {
        Path file = out.resolve("samples").resolve(config + "." + workload + "." + mode).resolve(kind + ".txt");
        if (!Files.exists(file)) {
            return new long[0];
        }
        long[] values = Files.readAllLines(file).stream().filter(s -> !s.isBlank()).mapToLong(Long::parseLong).toArray();
        Arrays.sort(values);
        return values;
    }

    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** Requests per second summed over rounds, and the errors, of one configuration, workload, mode and kind. */
    double[] throughput(String config, String workload, String mode, String kind) {
        double done = 0;
        long errors = 0, seconds = 0;
        for (Phase p : phases) {
            if (p.config.equals(config) && p.workload.equals(workload) && p.mode.equals(mode) && p.kind.equals(kind)) {
                done += p.throughput * p.seconds;
                errors += p.errors;
                seconds += p.seconds;
            }
        }
        return new double[] { seconds == 0 ? Double.NaN : done / seconds, errors };
    }

    /** A configuration's name in the tables: "before" is named after the revision it was built from. */
    String name(String config) {
        return switch (config) {
            case "before" -> "facade at " + run.getProperty("before", "?");
            case "facade-extpg" -> "facade (external PG)";
            default -> config;
        };
    }

    List<String> facadesPresent() {
        return FACADES.stream().filter(c -> phases.stream().anyMatch(p -> p.config.equals(c))).toList();
    }

    List<String> configsPresent() {
        return CONFIGS.stream().filter(c -> phases.stream().anyMatch(p -> p.config.equals(c))).toList();
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        List<String> configs = configsPresent();
        md.append("## Facade overhead — `bench/run`\n\n").append(BEGIN).append('\n');
        md.append(String.format(Locale.ROOT,
                "Generated by `bench/run` on %s. Machine: %s × %s, %s, %s; %s. Load average at the end of the run: %s. "
                        + "Sandbox latency %s ms on every AMC call; %s round(s) of %s s per phase, configurations alternating "
                        + "(%s; the next round starts one further), after a warm-up of each.%n%n",
                run.getProperty("date"), run.getProperty("nproc"), run.getProperty("cpu"), run.getProperty("memory"),
                run.getProperty("java"), run.getProperty("nginx"), run.getProperty("loadavg"),
                run.getProperty("latency_ms"), run.getProperty("rounds"), run.getProperty("seconds"),
                String.join(", ", configs.stream().filter(c -> !c.equals("facade-extpg")).map(this::name).toList())));

        String concurrency = run.getProperty("concurrency");
        md.append("### Throughput at ").append(concurrency).append(" concurrent connections (requests/s)\n\n");
        md.append("| request |");
        configs.forEach(c -> md.append(' ').append(name(c)).append(" |"));
        md.append(" facade / direct | facade / nginx |");
        boolean compared = configs.contains("before");
        if (compared) {
            md.append(' ').append(name("before")).append(" / nginx |");
        }
        md.append("\n|---|");
        configs.forEach(c -> md.append("---|"));
        md.append(compared ? "---|---|---|\n" : "---|---|\n");
        for (String workload : WORKLOADS) {
            for (String kind : KINDS.get(workload)) {
                md.append("| ").append(KIND_NAMES.get(kind)).append(" |");
                for (String c : configs) {
                    double[] t = throughput(c, workload, "concurrency", kind);
                    md.append(String.format(Locale.ROOT, " %,.0f%s |", t[0], t[1] > 0 ? " (" + (long) t[1] + " errors)" : ""));
                }
                double facade = throughput("facade", workload, "concurrency", kind)[0];
                double nginx = throughput("nginx", workload, "concurrency", kind)[0];
                md.append(String.format(Locale.ROOT, " %.2f | %.2f |", facade / throughput("direct", workload, "concurrency", kind)[0],
                        facade / nginx));
                if (compared) {
                    md.append(String.format(Locale.ROOT, " %.2f |", throughput("before", workload, "concurrency", kind)[0] / nginx));
                }
                md.append('\n');
            }
        }

        String rate = run.getProperty("rate");
        md.append("\n### Latency at ").append(rate).append(" requests/s offered (ms, from the intended start)\n\n");
        md.append("| request | configuration | requests | errors | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, long[]>> atRate = new LinkedHashMap<>();
        for (String workload : WORKLOADS) {
            for (String kind : KINDS.get(workload)) {
                Map<String, long[]> byConfig = new LinkedHashMap<>();
                for (String c : configs) {
                    long[] s = samples(c, workload, "rate", kind);
                    byConfig.put(c, s);
                    double[] t = throughput(c, workload, "rate", kind);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                            KIND_NAMES.get(kind), name(c), s.length, (long) t[1], quantile(s, 0.5),
                            quantile(s, 0.9), quantile(s, 0.99), quantile(s, 0.999), quantile(s, 1.0)));
                }
                atRate.put(kind, byConfig);
            }
        }

        md.append("\n### What the facade adds at ").append(rate).append(" requests/s\n\n");
        md.append("Difference of the facade's percentile and the baseline's (ms), and their ratio. The sandbox latency is in "
                + "both, so the difference is the facade's own cost (its audit commits, token check, JSON mapping).\n\n");
        md.append("| request | p50 over direct | p99 over direct | p99.9 over direct | p50 over nginx | p99 over nginx | p99.9 over nginx |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String facadeConfig : facadesPresent()) {
            for (Map.Entry<String, Map<String, long[]>> e : atRate.entrySet()) {
                long[] f = e.getValue().get(facadeConfig);
                md.append("| ").append(KIND_NAMES.get(e.getKey()))
                        .append(facadeConfig.equals("facade") ? "" : ", " + name(facadeConfig)).append(" |");
                for (String baseline : List.of("direct", "nginx")) {
                    long[] b = e.getValue().get(baseline);
                    for (double q : new double[] { 0.5, 0.99, 0.999 }) {
                        double fq = quantile(f, q), bq = quantile(b, q);
                        md.append(String.format(Locale.ROOT, " %+.1f (×%.2f) |", fq - bq, fq / bq));
                    }
                }
                md.append('\n');
            }
        }
        md.append("\n![Latency percentiles by configuration](img/facade-latency.png)\n");

        md.append("\n### Audited writes at rising offered rates (facade only, invite + revoke)\n\n");
        md.append("Achieved counts the requests that finished within the measured window.\n\n");
        boolean severalFacades = facadesPresent().size() > 1;
        md.append(severalFacades ? "| facade " : "").append("| offered (req/s) | achieved (req/s) | errors | invite p50 / p99 (ms) | revoke p50 / p99 (ms) | facade CPU | facade RSS peak |\n")
                .append(severalFacades ? "|---" : "").append("|---|---|---|---|---|---|---|\n");
        Map<String, String[]> resources = resources();
        Map<String, String> sustained = new LinkedHashMap<>();
        for (String facadeConfig : facadesPresent()) {
            sustained.put(facadeConfig, "none");
            for (String level : ramp.stream().filter(p -> p.config.equals(facadeConfig)).map(Phase::level).distinct().toList()) {
                long ok = 0, errors = 0;
                double achieved = 0;
                StringBuilder kinds = new StringBuilder();
                double worstP99 = 0;
                for (Phase p : ramp) {
                    if (p.config.equals(facadeConfig) && p.level.equals(level)) {
                        ok += p.ok;
                        errors += p.errors;
                        achieved += p.throughput;
                    }
                }
                for (String kind : List.of("invite", "revoke")) {
                    long[] s = samples(facadeConfig, "writes", "ramp-" + level, kind);
                    worstP99 = Math.max(worstP99, quantile(s, 0.99));
                    kinds.append(String.format(Locale.ROOT, " %.1f / %.1f |", quantile(s, 0.5), quantile(s, 0.99)));
                }
                String[] r = resources.getOrDefault(facadeConfig + ".writes.ramp-" + level, new String[] { "?", "?" });
                md.append(severalFacades ? "| " + name(facadeConfig) + " " : "").append(String.format(Locale.ROOT,
                        "| %s | %,.0f | %d |%s %s%% | %s MB |%n", level, achieved, errors, kinds, r[0], r[1]));
                if (achieved >= 0.95 * Double.parseDouble(level) && errors <= ok / 1000 && worstP99 < 200) {
                    sustained.put(facadeConfig, String.format(Locale.ROOT, "%s requests/s (achieved %,.0f; p99 %.0f ms, RSS peak %s MB)",
                            level, achieved, worstP99, r[1]));
                }
            }
        }
        md.append("\nHighest offered rate sustained (≥ 95 % achieved, ≤ 0.1 % errors, p99 < 200 ms): ");
        sustained.forEach((facadeConfig, figure) -> md.append(severalFacades ? name(facadeConfig) + " " : "")
                .append("**").append(figure).append("**; "));
        md.setLength(md.length() - 2);
        md.append(". Each write commits its intent with its targets before the upstream call "
                        + "and waits for the WAL flush (fsync on); its outcome is committed after the call without waiting "
                        + "for the flush (decision 0021).\n");

        md.append("\n### Facade CPU and memory during the measured phases\n\n");
        md.append("CPU is the facade JVM's share of one core (200 % = both cores) over the phase; RSS is the JVM's resident "
                + "memory (its embedded PostgreSQL not included), peak sampled every 0.5 s.\n\n");
        md.append("| phase | CPU | RSS peak (MB) |\n|---|---|---|\n");
        for (Map.Entry<String, String[]> r : resources.entrySet()) {
            if (!r.getKey().contains("ramp") && !r.getKey().equals("profile")) {
                md.append("| ").append(r.getKey()).append(" | ").append(r.getValue()[0]).append(" % | ")
                        .append(r.getValue()[1]).append(" |\n");
            }
        }

        Path profile = out.resolve("profile.md");
        if (Files.exists(profile)) {
            md.append(Files.exists(out.resolve("facade.collapsed"))
                    ? "\n### Where the facade's CPU goes (async-profiler, audited writes at " + concurrencyOf(out)
                            + " connections, after the measured phases)\n\n"
                    : "\n### Where the facade's CPU goes (JFR, whole run)\n\n")
                    .append("![Flame graph of the facade's CPU samples](img/facade-flame.png)\n\n")
                    .append(Files.readString(profile));
        }

        md.append("\n### Start to ready\n\n| what | ms |\n|---|---|\n");
        for (String line : Files.readAllLines(out.resolve("startup.tsv"))) {
            String[] f = line.split("\t");
            if (!f[0].equals("what")) {
                md.append("| ").append(f[0]).append(" | ").append(f[1]).append(" |\n");
            }
        }
        md.append(END).append('\n');
        Files.writeString(out.resolve("report.md"), md);
        Files.createDirectories(img);
        plot(atRate, configs, configs.stream().map(this::name).toList(), img.resolve("facade-latency.png"));
    }

    /** Phase label → {CPU %, RSS peak MB}; rounds of the same phase keep the highest of each. */
    Map<String, String[]> resources() throws IOException {
        Map<String, String[]> result = new LinkedHashMap<>();
        Path tsv = out.resolve("resources.tsv");
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f[0].equals("label") || f[0].equals("warmup")) {
                continue;
            }
            String[] value = { f[4], f[5] };
            result.merge(f[0], value, (a, b) -> new String[] {
                    Integer.toString(Math.max(Integer.parseInt(a[0]), Integer.parseInt(b[0]))),
                    Integer.toString(Math.max(Integer.parseInt(a[1]), Integer.parseInt(b[1]))) });
        }
        return result;
    }

    /** One panel per request kind: bars of p50, p90, p99, p99.9 for each configuration. */
    static void plot(Map<String, Map<String, long[]>> atRate, List<String> configs, List<String> names, Path png) throws IOException {
        int panelW = 620, panelH = 330, cols = 2, rows = (atRate.size() + 1) / 2, top = 60;
        int width = panelW * cols, height = top + panelH * rows + 10;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Latency by configuration at a fixed offered rate (ms, from intended start)", 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int lx = 20;
        for (int c = 0; c < configs.size(); c++) {
            g.setColor(COLORS[c]);
            g.fillRect(lx, 40, 14, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(c), lx + 20, 51);
            lx += 40 + g.getFontMetrics().stringWidth(names.get(c));
        }
        int panel = 0;
        for (Map.Entry<String, Map<String, long[]>> e : atRate.entrySet()) {
            int x0 = (panel % cols) * panelW, y0 = top + (panel / cols) * panelH;
            drawPanel(g, KIND_NAMES.get(e.getKey()), e.getValue(), configs, x0, y0, panelW, panelH);
            panel++;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    static void drawPanel(Graphics2D g, String title, Map<String, long[]> byConfig, List<String> configs, int x0, int y0,
            int w, int h) {
        int left = x0 + 60, right = x0 + w - 20, top = y0 + 30, bottom = y0 + h - 40;
        double max = 0;
        for (long[] s : byConfig.values()) {
            max = Math.max(max, quantile(s, 0.999));
        }
        double step = niceStep(max / 5);
        double axisMax = Math.ceil(max / step) * step;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, y0 + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v = 0; v <= axisMax + 1e-9; v += step) {
            int y = bottom - (int) ((bottom - top) * v / axisMax);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String label = step < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        int groups = QUANTILES.length, groupW = (right - left) / groups, barW = (groupW - 20) / configs.size();
        for (int q = 0; q < groups; q++) {
            int gx = left + q * groupW + 10;
            for (int c = 0; c < configs.size(); c++) {
                double v = quantile(byConfig.get(configs.get(c)), QUANTILES[q]);
                if (Double.isNaN(v)) {
                    continue;
                }
                int barH = (int) ((bottom - top) * v / axisMax);
                g.setColor(COLORS[c]);
                g.fillRect(gx + c * barW, bottom - barH, barW - 2, barH);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, v < 100 ? "%.1f" : "%.0f", v);
                int lw = g.getFontMetrics().stringWidth(label);
                g.drawString(label, gx + c * barW + (barW - 2 - lw) / 2, bottom - barH - 3);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            String name = QUANTILE_NAMES[q];
            g.drawString(name, left + q * groupW + (groupW - g.getFontMetrics().stringWidth(name)) / 2, bottom + 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    static double niceStep(double raw) {
        if (raw <= 0 || Double.isNaN(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Replaces the generated part of the section in the document (or appends the section when it is missing). */
    static void splice(Path report, Path doc) throws IOException {
        String generated = Files.readString(report);
        String text = Files.readString(doc);
        int begin = text.indexOf(BEGIN), end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            String inner = generated.substring(generated.indexOf(BEGIN), generated.indexOf(END));
            updated = text.substring(0, begin) + inner + text.substring(end);
        } else {
            updated = text.stripTrailing() + "\n\n" + generated;
        }
        Files.writeString(doc, updated);
    }
}
