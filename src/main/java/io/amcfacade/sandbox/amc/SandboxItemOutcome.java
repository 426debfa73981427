package io.amcfacade.sandbox.amc;

import java.util.function.Function;

/** What one item of a batch request came to: its result, or the error entry AMC reports for it inside a 200. */
record SandboxItemOutcome<T>(T success, SandboxWire.ItemError error) {

    static <T> SandboxItemOutcome<T> succeeded(T value) {
        return new SandboxItemOutcome<>(value, null);
    }

    static <T> SandboxItemOutcome<T> failed(String code, String message, String detail, String identifier) {
        return new SandboxItemOutcome<>(null, new SandboxWire.ItemError(code, message, detail, identifier));
    }

    boolean isError() {
        return error != null;
    }

    /** Runs the next step only if this one succeeded, so the first failing rule names the error. */
    <R> SandboxItemOutcome<R> andThen(Function<T, SandboxItemOutcome<R>> next) {
        return isError() ? new SandboxItemOutcome<>(null, error) : next.apply(success);
    }
}
