package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Random;

import io.amcfacade.support.OwnerDatabase;

/** Months of the past for retention tests: a month retention dropped is never created again, so pick another. */
final class OldMonths {

    private static final Random RANDOM = new Random();

    private OldMonths() {
    }

    /** A month in the century from {@code firstYear} that no earlier run's retention dropped. */
    static LocalDate neverPurged(int firstYear) throws SQLException {
        while (true) {
            LocalDate month = LocalDate.of(firstYear + RANDOM.nextInt(100), 1 + RANDOM.nextInt(12), 1);
            if (!isPurged(month)) {
                return month;
            }
        }
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
