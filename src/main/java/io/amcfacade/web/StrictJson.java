package io.amcfacade.web;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.amcfacade.text.ControlCharacterInString;
import io.amcfacade.text.ControlCharacters;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read strictly, so that what the facade acts on is exactly what the caller sent: no tokens
 * after the value, no key twice ({@code {"role":"viewer","role":"admin"}} is refused, not read as
 * admin), no {@code null} inside a list, no fraction where a whole number is asked ({@code 2.5} is refused, not read
 * as 2), and no control characters in the strings of the public API's request models (the upstream's and the
 * sandbox's wire types are read as they come).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final String API_MODELS = "io.amcfacade.api.model";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(new SimpleModule("strict-strings").addDeserializer(String.class, new Strings(false)));
    }

    /** Strings as Jackson reads them, refusing control characters in the public API's models. */
    private static final class Strings extends JsonDeserializer<String> implements ContextualDeserializer {

        private final boolean strict;

        Strings(boolean strict) {
            this.strict = strict;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean model = property != null && property.getMember() != null
                    && property.getMember().getDeclaringClass().getPackageName().equals(API_MODELS);
            return model == strict ? this : new Strings(model);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (strict && ControlCharacters.in(value)) {
                throw new ControlCharacterInString(parser);
            }
            return value;
        }
    }
}
