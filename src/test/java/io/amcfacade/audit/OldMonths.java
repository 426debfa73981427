package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;

/** Months of the past for retention tests: a month retention dropped is never created again, so pick another. */
final class OldMonths {

    private static final Random RANDOM = new Random();

    private OldMonths() {
    }

    /**
     * A month of a past year, in the century from {@code firstYear}, that no earlier run's retention
     * dropped (a year still to come would be refused as not over).
     */
    static LocalDate neverPurged(int firstYear) throws SQLException {
        int years = Math.min(100, LocalDate.now(ZoneOffset.UTC).getYear() - firstYear);
        while (true) {
            LocalDate month = LocalDate.of(firstYear + RANDOM.nextInt(years), 1 + RANDOM.nextInt(12), 1);
            if (!isPurged(month)) {
                return month;
            }
        }
    }

    /** A month no retention dropped, with its partition and one action of a new actor in it. */
    record MonthWithAction(LocalDate month, String actor) {
    }

    static MonthWithAction withOneAction(int firstYear, String actorPrefix) throws SQLException {
        LocalDate month = neverPurged(firstYear);
        OwnerDatabase.execute("SELECT audit_ensure_partition('" + month + "')");
        String actor = Callers.uniqueSubject(actorPrefix);
        OrphanIntents.insert(actor, UUID.randomUUID(), month.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600),
                "ACCOUNTS_LIST");
        return new MonthWithAction(month, actor);
    }

    static boolean isPurged(LocalDate month) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM audit_purges WHERE month = ?")) {
            statement.setObject(1, month);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
