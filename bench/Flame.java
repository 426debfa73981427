import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flame graph (icicle: callers on top) of the CPU samples in a JFR recording, drawn with Java2D,
 * plus markdown tables of the hottest methods and of where request threads waited.
 *
 * <pre>
 * java bench/Flame.java RECORDING.jfr OUT.png OUT.md [thread-name-prefix]
 * </pre>
 *
 * Only {@code jdk.ExecutionSample} events count (threads running Java code); frames narrower than
 * 0.3 % of the samples are left out. A {@code .collapsed} file instead of a recording (async-profiler's
 * collapsed stacks, {@code frame;frame;frame count} per line, as {@code bench/run} takes with
 * {@code BENCH_PROFILE=1}) is drawn the same way and also shows native, JIT-compiler, GC and kernel frames. Colours: ours (io.amcfacade) red, database (PostgreSQL driver,
 * Agroal, Narayana) purple, Quarkus/Vert.x/Netty/RESTEasy blue, JDK green, the rest grey.
 */
public class Flame {

    static final int ROW = 17;
    static final int WIDTH = 1800;
    static final double MIN_SHARE = 0.003;

    /** A node of the call tree: a method, its samples (inclusive) and its callees. */
    static final class Node {
        final String name;
        long total;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String childName) {
            return children.computeIfAbsent(childName, Node::new);
        }
    }

    public static void main(String[] args) throws IOException {
        String threadPrefix = args.length > 3 ? args[3] : null;
        Node root = new Node("all");
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusiveOurs = new HashMap<>();
        Map<String, Double> waits = new HashMap<>();
        if (args[0].endsWith(".collapsed")) {
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1).trim());
                String[] frames = line.substring(0, space).replace('/', '.').split(";");
                add(root, self, inclusiveOurs, java.util.Arrays.asList(frames), count);
            }
        }
        for (RecordedEvent event : args[0].endsWith(".collapsed") ? List.<RecordedEvent>of()
                : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (WAITS.contains(event.getEventType().getName())) {
                waited(event, waits);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            if (threadPrefix != null) {
                var thread = event.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(threadPrefix)) {
                    continue;
                }
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            List<String> rootFirst = new java.util.ArrayList<>();
            for (int i = frames.size() - 1; i >= 0; i--) {
                rootFirst.add(name(frames.get(i)));
            }
            add(root, self, inclusiveOurs, rootFirst, 1);
        }
        int depth = depth(root, root.total);
        BufferedImage image = new BufferedImage(WIDTH, 40 + depth * ROW + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(String.format(Locale.ROOT, "CPU samples of the facade under load (%d samples; callers above callees; "
                + "red = ours, purple = database, blue = framework, green = JDK)", root.total), 8, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        draw(g, root, 0, WIDTH, 40, root.total);
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());

        StringBuilder md = new StringBuilder();
        md.append("| hottest methods (self) | share of samples |\n|---|---|\n");
        top(self, 15, root.total, md);
        md.append("\n| our methods (inclusive) | share of samples |\n|---|---|\n");
        top(inclusiveOurs, 15, root.total, md);
        if (!waits.isEmpty()) {
            md.append("\n| where request threads waited ≥ 10 ms (park, socket read, monitor) | total seconds |\n|---|---|\n");
        }
        waits.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(8)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f |%n", e.getKey(), e.getValue())));
        Files.writeString(Path.of(args[2]), md);
    }

    /** One stack (outermost caller first) seen {@code count} times. */
    static void add(Node root, Map<String, Long> self, Map<String, Long> inclusiveOurs, List<String> frames, long count) {
        root.total += count;
        Node node = root;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : frames) {
            node = node.child(name);
            node.total += count;
            if (name.startsWith("io.amcfacade") && seen.add(name)) {
                inclusiveOurs.merge(name, count, Long::sum);
            }
        }
        self.merge(frames.get(frames.size() - 1), count, Long::sum);
    }

    static final java.util.Set<String> WAITS = java.util.Set.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.JavaMonitorEnter");

    /** Adds a request thread's wait to the first frame outside the JDK's own waiting code: what it waited for. */
    static void waited(RecordedEvent event, Map<String, Double> waits) {
        var thread = event.getThread();
        RecordedStackTrace stack = event.getStackTrace();
        if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("executor-thread")
                || stack == null) {
            return;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String name = name(frame);
            if (name.startsWith("org.jboss.threads.")) {
                return; // an idle worker waiting for work
            }
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                waits.merge(name, event.getDuration().toNanos() / 1e9, Double::sum);
                return;
            }
        }
    }

    static void top(Map<String, Long> counts, int n, long total, StringBuilder md) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(n)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(),
                        100.0 * e.getValue() / total)));
    }

    static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type + "." + frame.getMethod().getName();
    }

    static int depth(Node node, long total) {
        int deepest = 0;
        for (Node child : node.children.values()) {
            if (child.total >= total * MIN_SHARE) {
                deepest = Math.max(deepest, depth(child, total));
            }
        }
        return deepest + 1;
    }

    static void draw(Graphics2D g, Node node, int x, int width, int y, long total) {
        g.setColor(color(node.name));
        g.fillRect(x, y, Math.max(1, width - 1), ROW - 1);
        FontMetrics metrics = g.getFontMetrics();
        String label = shortName(node.name);
        if (width > 30) {
            while (label.length() > 3 && metrics.stringWidth(label) > width - 6) {
                label = label.substring(0, label.length() - 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(label, x + 3, y + ROW - 5);
        }
        int childX = x;
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(n -> n.name));
        for (Node child : children) {
            int childWidth = (int) Math.round((double) width * child.total / node.total);
            if (child.total >= total * MIN_SHARE && childWidth > 0) {
                draw(g, child, childX, childWidth, y + ROW, total);
            }
            childX += childWidth;
        }
    }

    static String shortName(String name) {
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return type < 0 ? name : name.substring(type + 1);
    }

    static Color color(String name) {
        int shade = Math.abs(name.hashCode() % 40);
        if (name.startsWith("io.amcfacade")) {
            return new Color(230, 90 + shade, 70);
        }
        if (name.startsWith("org.postgresql") || name.startsWith("io.agroal") || name.startsWith("com.arjuna")
                || name.startsWith("io.narayana")) {
            return new Color(170 + shade, 140, 220);
        }
        if (name.startsWith("io.quarkus") || name.startsWith("io.vertx") || name.startsWith("io.netty")
                || name.startsWith("org.jboss") || name.startsWith("io.smallrye")) {
            return new Color(120, 160 + shade, 230);
        }
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return new Color(120 + shade, 200, 120);
        }
        return new Color(190 + shade, 190 + shade, 190 + shade);
    }
}
