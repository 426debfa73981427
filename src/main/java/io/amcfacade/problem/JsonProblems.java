package io.amcfacade.problem;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.amcfacade.api.model.Problem;
import io.amcfacade.text.ControlCharacterInString;
import io.amcfacade.text.ControlCharacters;

/**
 * The problem a request body that Jackson could not read answers with: the field named as the caller
 * wrote it ({@code invitations[0].role}) wherever Jackson knows it, {@code MALFORMED_JSON} otherwise.
 */
final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            String parent = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
            return Problems.invalidField(parent.isEmpty() ? duplicate : parent + "." + duplicate, "appears more than once");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.invalidField(jsonPath(mapping.getPath()), rule(e));
        }
        return Problems.of(ProblemCode.MALFORMED_JSON,
                "The request body is not valid JSON: " + ControlCharacters.escaped(e.getOriginalMessage()));
    }

    private static String rule(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        } else if (e instanceof InvalidNullException) {
            return "must not be null";
        } else if (e instanceof ControlCharacterInString) {
            return "must not contain control characters";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof ValueInstantiationException creation && creation.getType().isEnumType()) {
            return "must be one of " + Arrays.toString(creation.getType().getRawClass().getEnumConstants());
        }
        return "has a value of the wrong type or format";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ControlCharacters.escaped(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The key a strict parser found twice ({@code Duplicate field 'role'}), wherever Jackson wrapped its complaint. */
    private static String duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
                Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
                if (duplicate.find()) {
                    return ControlCharacters.escaped(duplicate.group(1));
                }
            }
        }
        return null;
    }
}
