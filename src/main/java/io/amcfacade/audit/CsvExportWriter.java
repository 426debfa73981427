package io.amcfacade.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV (CRLF lines, quotes doubled) in which no cell can run as a spreadsheet formula: a cell
 * starting with {@code = + - @}, tab or carriage return is prefixed with {@code '}.
 */
final class CsvExportWriter implements AuditExport.ExportWriter {

    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(512);
    private int width;

    CsvExportWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    @Override
    public void header(String[] columns) throws IOException {
        width = columns.length;
        row(columns);
    }

    /** Writes the first {@code width} values; a line may carry more than the columns. */
    @Override
    public void row(Object[] values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < width; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                appendCell(values[i].toString());
            }
        }
        out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void manifest(long count, String sha256, OutputStream raw) throws IOException {
        raw.write(AuditExport.utf8("#manifest," + count + "," + sha256 + "\r\n"));
    }

    /** One pass over the value to decide: quoted only when it holds a comma, quote or line break. */
    private void appendCell(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            line.append('"');
        }
        if (formula) {
            line.append('\'');
        }
        if (quote) {
            line.append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }
}
