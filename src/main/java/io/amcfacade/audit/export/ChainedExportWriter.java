package io.amcfacade.audit.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.amcfacade.audit.integrity.ExportChain;

/**
 * What the CSV and NDJSON writers share: a buffered stream (an export is millions of small lines), the
 * columns, and the {@link ExportChain} each line's hash links into.
 */
abstract class ChainedExportWriter<T> implements AuditExport.ExportWriter<T> {

    protected final OutputStream out;
    protected final List<ExportColumn<T>> columns;
    protected final ExportChain chain = new ExportChain();

    ChainedExportWriter(OutputStream out, List<ExportColumn<T>> columns) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.columns = columns;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public String chainHead() {
        return chain.head();
    }
}
