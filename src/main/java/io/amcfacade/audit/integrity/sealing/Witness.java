package io.amcfacade.audit.integrity.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.Seal;

/**
 * The witness file: one line per seal head a replica made or saw ({@code seal ID DIGEST SEALED_AT}) and
 * one per truncation an operator acknowledged ({@code ack LOST_ID LOST_DIGEST CONTINUES_ID CONTINUES_DIGEST
 * EVENT_ID}). Read back, it is the set of seals the database must still hold.
 */
public final class Witness {

    private Witness() {
    }

    static String seal(Seal seal) {
        return "seal " + seal.sealId() + " " + seal.digest() + " " + seal.sealedAt();
    }

    static String acknowledgement(Anchor lost, Seal continuesFrom, UUID eventId) {
        return "ack " + lost.sealId() + " " + lost.digest() + " " + (continuesFrom == null ? "0 genesis"
                : continuesFrom.sealId() + " " + continuesFrom.digest()) + " " + eventId;
    }

    /**
     * The seals the database must hold, by id: every witnessed head, except those after the seal an
     * acknowledgement continued from (the operator accepted their loss; the acknowledgement itself is an
     * audited action in the trail).
     */
    public static TreeMap<Long, String> expected(Path file) throws IOException {
        return expected(Files.readAllLines(file, StandardCharsets.US_ASCII));
    }

    static TreeMap<Long, String> expected(List<String> lines) {
        TreeMap<Long, String> heads = new TreeMap<>();
        for (String line : lines) {
            String[] fields = line.trim().split(" ");
            if (fields.length >= 3 && fields[0].equals("seal")) {
                heads.put(Long.parseLong(fields[1]), fields[2]);
            } else if (fields.length >= 5 && fields[0].equals("ack")) {
                heads.tailMap(Long.parseLong(fields[3]), false).clear();
            }
        }
        return heads;
    }
}
