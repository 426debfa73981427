package io.amcfacade.console;

import java.util.List;
import java.util.stream.Collectors;

import io.amcfacade.api.model.ProblemFieldError;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * A form read from a URL: the value, and every field that was wrong with it. A page answers the value, or
 * one {@code INVALID_REQUEST} naming every bad field ({@link #orRefuse()}); a malformed field reads as absent.
 */
public record Parsed<T>(T value, List<FieldError> errors) {

    public Parsed {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The value; when a field was wrong, the 400 problem the console shows as a page naming each one. */
    T orRefuse() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(
                    errors.stream().map(e -> e.field() + ": " + e.rule()).collect(Collectors.joining("; ")),
                    errors.stream().map(e -> new ProblemFieldError(e.field(), e.rule())).toList()));
        }
        return value;
    }
}
