package io.amcfacade.audit.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The monthly partitions of {@code audit_records} that exist now, oldest first, by their first day. */
public final class AuditPartitions {

    private AuditPartitions() {
    }

    public static List<LocalDate> months(Connection connection) throws SQLException {
        List<LocalDate> months = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_records'::regclass ORDER BY 1");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String[] parts = rs.getString(1).replace("audit_records_", "").split("_");
                months.add(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1));
            }
        }
        return months;
    }

    public static String name(LocalDate month) {
        return "audit_records_" + month.toString().substring(0, 7).replace('-', '_');
    }
}
