package io.amcfacade.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.query.AuditCounts.DayCount;
import io.quarkus.qute.TemplateData;

/**
 * Actions per UTC day, stacked by outcome, laid out as SVG geometry on the server (no chart library,
 * nothing to load). The same numbers are also a table for screen readers and for copying.
 */
@TemplateData
public record ActivityChart(int width, int height, long max, List<Bar> bars, List<Legend> legend, long total) {

    /** Outcomes bottom to top, each with its colour class (see console.css: all AA against white). */
    static final List<AuditOutcome> ORDER = List.of(AuditOutcome.SUCCEEDED, AuditOutcome.PARTIAL, AuditOutcome.REJECTED,
            AuditOutcome.DENIED, AuditOutcome.FAILED, AuditOutcome.UNKNOWN, AuditOutcome.PENDING);
    private static final int HEIGHT = 160;
    private static final int BAR_SLOT = 28;
    private static final int MAX_DAYS = 92;

    /** One day's column; its label sits under it. */
    @TemplateData
    public record Bar(String day, String label, int x, int width, long total, List<Segment> segments) {
        public int labelX() {
            return x + 2;
        }
    }

    /** An outcome's name and colour class. */
    @TemplateData
    public record Legend(String outcome, String css) {
    }

    /** One outcome's share of a day. */
    @TemplateData
    public record Segment(String outcome, String css, long count, int y, int height) {
    }

    static ActivityChart of(List<DayCount> counts, LocalDate first, LocalDate last) {
        Map<LocalDate, Map<AuditOutcome, Long>> byDay = new TreeMap<>();
        if (first != null && last != null && !last.isBefore(first) && first.plusDays(MAX_DAYS).isAfter(last)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                byDay.put(d, new LinkedHashMap<>());
            }
        }
        for (DayCount c : counts) {
            byDay.computeIfAbsent(c.day(), d -> new LinkedHashMap<>()).merge(c.outcome(), c.actions(), Long::sum);
        }
        long max = byDay.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int x = 0;
        long total = 0;
        for (Map.Entry<LocalDate, Map<AuditOutcome, Long>> day : byDay.entrySet()) {
            long dayTotal = day.getValue().values().stream().mapToLong(Long::longValue).sum();
            total += dayTotal;
            List<Segment> segments = new ArrayList<>();
            int top = HEIGHT;
            for (AuditOutcome outcome : ORDER) {
                long n = day.getValue().getOrDefault(outcome, 0L);
                if (n > 0) {
                    int h = Math.max(1, (int) Math.round((double) n * HEIGHT / max));
                    top -= h;
                    segments.add(new Segment(outcome.toString(), css(outcome), n, top, h));
                }
            }
            bars.add(new Bar(day.getKey().toString(), day.getKey().getMonthValue() + "/" + day.getKey().getDayOfMonth(),
                    x, BAR_SLOT - 6, dayTotal, segments));
            x += BAR_SLOT;
        }
        return new ActivityChart(Math.max(x, BAR_SLOT), HEIGHT, max, bars,
                ORDER.stream().map(o -> new Legend(o.toString(), css(o))).toList(), total);
    }

    private static String css(AuditOutcome outcome) {
        return outcome.toString().toLowerCase(Locale.ROOT);
    }

    /** The SVG's height: the bars and a row of day labels. */
    public int svgHeight() {
        return height + 20;
    }

    public int labelY() {
        return height + 14;
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
