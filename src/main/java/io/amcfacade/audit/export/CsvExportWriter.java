package io.amcfacade.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.amcfacade.audit.integrity.ExportChain;

/**
 * RFC 4180 CSV (CRLF lines, quotes doubled) in which no cell can run as a spreadsheet formula: a cell
 * starting with {@code = + - @}, tab or carriage return is prefixed with {@code '}. Each row ends in its
 * {@code lineHash} ({@link ExportChain}).
 */
final class CsvExportWriter<T> extends ChainedExportWriter<T> {

    private final StringBuilder line = new StringBuilder(512);

    CsvExportWriter(OutputStream out, List<ExportColumn<T>> columns) {
        super(out, columns);
    }

    @Override
    public void header() throws IOException {
        line.setLength(0);
        for (ExportColumn<T> column : columns) {
            line.append(column.name()).append(',');
        }
        out.write(line.append("lineHash\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void row(T values) throws IOException {
        line.setLength(0);
        boolean first = true;
        for (ExportColumn<T> column : columns) {
            if (!first) {
                line.append(',');
            }
            first = false;
            Object value = column.value().apply(values);
            if (value != null) {
                appendCell(value.toString());
            }
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.write(("," + chain.next(bytes, bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void manifest(AuditExport.Manifest manifest, OutputStream raw) throws IOException {
        raw.write(AuditExport.utf8("#manifest," + manifest.count() + "," + manifest.sha256() + "," + manifest.chain() + ","
                + manifest.keyId() + "," + manifest.signature() + "\r\n"));
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
