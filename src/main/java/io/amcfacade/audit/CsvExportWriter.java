package io.amcfacade.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * RFC 4180 CSV (CRLF lines, quotes doubled) in which no cell can run as a spreadsheet formula: a cell
 * starting with {@code = + - @}, tab or carriage return is prefixed with {@code '}.
 */
final class CsvExportWriter implements AuditExport.ExportWriter {

    private final OutputStream out;

    CsvExportWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    @Override
    public void header(String[] columns) throws IOException {
        row(columns);
    }

    @Override
    public void row(Object[] values) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i] == null ? "" : values[i].toString()));
        }
        out.write(AuditExport.utf8(line.append("\r\n").toString()));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void manifest(long count, String sha256, OutputStream raw) throws IOException {
        raw.write(AuditExport.utf8("#manifest," + count + "," + sha256 + "\r\n"));
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
