package io.amcfacade.audit.export;

import java.util.function.Function;

/**
 * A column of a signed export: its name in the header (CSV) or as the key (NDJSON), and its value on a
 * line of type {@code T}. The audit export's lines ({@link ExportLine}) and the access-review pack's
 * grants are written by the same writers, hash chain and signed manifest.
 */
public record ExportColumn<T>(String name, Function<T, Object> value) {
}
