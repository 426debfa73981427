package io.amcfacade.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** One JSON object a line, keyed by the export's column names; nulls are left out. */
final class NdjsonExportWriter implements AuditExport.ExportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;
    private String[] columns;

    NdjsonExportWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    @Override
    public void header(String[] columns) {
        this.columns = columns;
    }

    @Override
    public void row(Object[] values) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            for (int i = 0; i < columns.length; i++) { // a line may carry more than the columns
                if (values[i] instanceof Number number) {
                    json.writeNumberField(columns[i], number.longValue());
                } else if (values[i] != null) {
                    json.writeStringField(columns[i], values[i].toString());
                }
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void manifest(long count, String sha256, OutputStream raw) throws IOException {
        raw.write(AuditExport.utf8("{\"manifest\":{\"count\":" + count + ",\"sha256\":\"" + sha256 + "\"}}\n"));
    }
}
