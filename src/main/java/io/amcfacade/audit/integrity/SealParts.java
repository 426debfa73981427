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

    /** A purge a seal covers: which month, how many records it dropped, the seal it was checked against. */
    public record Purge(String month, long records, long lastSealId, String lastSealDigest, String purgedAt) {
    }

    /** A record the sealer found without a valid MAC: written by something that does not hold the key. */
    public record Rejected(long seq, String reason) {
    }

    /**
     * A legal-hold change a seal covers: its row's digest ({@link LegalHoldChange#digest()}) and, when the
     * sealer could not bind it to its own genuine intent asking for that value, why (null when bound).
     */
    public record Hold(long changeId, String digest, String unbound) {
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
        return of(rows, Seal.HMAC);
    }

    /** @param rows in sealing order: by txid, then seq */
    public static List<Part> of(List<Row> rows, int format) {
        Map<String, List<Row>> byMonth = new TreeMap<>();
        for (Row row : rows) {
            byMonth.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(row);
        }
        List<Part> parts = new ArrayList<>();
        byMonth.forEach((month, monthRows) -> parts.add(new Part(month, monthRows.size(),
                monthRows.stream().map(Row::seq).toList(), digest(month, monthRows, format))));
        return parts;
    }

    /**
     * Format 1 covers {@code seq:content_hash}; format 2 adds the record's time, which the database
     * clock set after the content hash was made.
     */
    public static String digest(String month, List<Row> rows, int format) {
        StringBuilder text = new StringBuilder(rows.size() * 100 + 32).append(format == Seal.HMAC ? "part|" : "part2|")
                .append(month).append('|').append(rows.size());
        for (Row row : rows) {
            text.append('|').append(row.seq()).append(':');
            if (format != Seal.HMAC) {
                text.append(row.recordedAt()).append(':');
            }
            text.append(row.contentHash());
        }
        return CanonicalRecord.sha256(text.toString());
    }

    /** The stored form, written by us in a fixed order so the seal digest can be recomputed from it. */
    public static String write(List<?> parts) {
        try {
            return JSON.writeValueAsString(parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Part> read(String stored) {
        return read(stored, new TypeReference<List<Part>>() {
        });
    }

    public static List<Purge> purges(String stored) {
        return stored == null ? List.of() : read(stored, new TypeReference<List<Purge>>() {
        });
    }

    public static List<Rejected> rejected(String stored) {
        return stored == null ? List.of() : read(stored, new TypeReference<List<Rejected>>() {
        });
    }

    public static List<Hold> holds(String stored) {
        return stored == null ? List.of() : read(stored, new TypeReference<List<Hold>>() {
        });
    }

    private static <T> List<T> read(String stored, TypeReference<List<T>> type) {
        try {
            return JSON.readValue(stored, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable seal field", e);
        }
    }
}
