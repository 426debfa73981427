package io.amcfacade.audit.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.amcfacade.audit.integrity.ExportChain;

/**
 * One JSON object a line, keyed by the export's column names; nulls are left out. Each object ends in
 * its {@code lineHash} ({@link ExportChain}) over the bytes before {@code ,"lineHash"}.
 */
final class NdjsonExportWriter<T> extends ChainedExportWriter<T> {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

    NdjsonExportWriter(OutputStream out, List<ExportColumn<T>> columns) {
        super(out, columns);
    }

    @Override
    public void header() {
        // NDJSON names every value where it stands.
    }

    @Override
    public void row(T values) throws IOException {
        line.reset();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            for (ExportColumn<T> column : columns) {
                Object value = column.value().apply(values);
                if (value instanceof Number number) {
                    json.writeNumberField(column.name(), number.longValue());
                } else if (value != null) {
                    json.writeStringField(column.name(), value.toString());
                }
            }
            json.writeEndObject();
        }
        byte[] bytes = line.toByteArray();
        int withoutBrace = bytes.length - 1;
        out.write(bytes, 0, withoutBrace);
        out.write((",\"lineHash\":\"" + chain.next(bytes, withoutBrace) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void manifest(AuditExport.Manifest manifest, OutputStream raw) throws IOException {
        raw.write(AuditExport.utf8("{\"manifest\":{\"count\":" + manifest.count() + ",\"sha256\":\"" + manifest.sha256()
                + "\",\"chain\":\"" + manifest.chain() + "\",\"keyId\":\"" + manifest.keyId() + "\",\"signature\":\""
                + manifest.signature() + "\"}}\n"));
    }
}
