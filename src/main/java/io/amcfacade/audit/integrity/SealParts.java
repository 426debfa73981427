package io.amcfacade.audit.integrity;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The per-month parts of a seal: which records (by seq, in sealing order) and the digest over their
 * content hashes. Split by month so retention can drop a whole month and leave the rest provable.
 */
public final class SealParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One month of a seal. */
    public record Part(String month, int count, List<Long> seqs, String digest) {
    }

    /** A sealed record as the digest sees it. */
    public record Row(long seq, java.time.Instant recordedAt, String contentHash) {
        String month() {
            return YearMonth.from(recordedAt.atOffset(ZoneOffset.UTC)).toString();
        }
    }

    private SealParts() {
    }

    /** @param rows in sealing order: by txid, then seq */
    public static List<Part> of(List<Row> rows) {
        Map<String, List<Row>> byMonth = new TreeMap<>();
        for (Row row : rows) {
            byMonth.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(row);
        }
        List<Part> parts = new ArrayList<>();
        byMonth.forEach((month, monthRows) -> parts.add(new Part(month, monthRows.size(),
                monthRows.stream().map(Row::seq).toList(), digest(month, monthRows))));
        return parts;
    }

    public static String digest(String month, List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 72 + 32).append("part|").append(month).append('|')
                .append(rows.size());
        for (Row row : rows) {
            text.append('|').append(row.seq()).append(':').append(row.contentHash());
        }
        return CanonicalRecord.sha256(text.toString());
    }

    /** The stored form, written by us in a fixed order so the seal digest can be recomputed from it. */
    public static String write(List<Part> parts) {
        try {
            return JSON.writeValueAsString(parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Part> read(String stored) {
        try {
            return JSON.readValue(stored, new TypeReference<List<Part>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable seal parts", e);
        }
    }
}
