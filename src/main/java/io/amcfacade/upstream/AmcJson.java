package io.amcfacade.upstream;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;

/**
 * Reads AMC's answers tolerantly: an unknown field, an optional field of another type than the facade
 * expects (an object where text was, text where a number was), a fraction where a whole number was, or
 * a single value where a list was never fails a call. Such a field reads as absent, and the feature
 * decides what an absent value means. Only an answer that is not JSON at all, or not an object, is
 * unreadable ({@link UpstreamException#unreadable}).
 */
final class AmcJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true)
            .addHandler(new AbsentWhenMistyped());

    private AmcJson() {
    }

    /** The answer as {@code type}; an empty answer reads as an object without fields. */
    static <T> T read(String body, Class<T> type) throws IOException {
        JsonNode tree = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        if (tree == null || !tree.isObject()) {
            throw new IOException("the answer is not a JSON object");
        }
        return MAPPER.treeToValue(tree, type);
    }

    /** Turns a value of the wrong JSON type into {@code null} instead of failing the whole answer. */
    private static final class AbsentWhenMistyped extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMessage) throws IOException {
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMessage) {
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMessage) {
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> instantiatedType,
                ValueInstantiator instantiator, JsonParser parser, String message)
                throws IOException {
            parser.skipChildren();
            return null;
        }
    }
}
