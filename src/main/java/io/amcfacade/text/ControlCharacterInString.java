package io.amcfacade.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A control character in a string of a public request model, as the strict JSON reader refuses it; the
 * problem it becomes names the field like every other refusal.
 */
public final class ControlCharacterInString extends MismatchedInputException {

    public ControlCharacterInString(JsonParser parser) {
        super(parser, "A string contains control characters", String.class);
    }
}
