package io.amcfacade.text;

/**
 * Control characters (C0, DEL) in what callers send: PostgreSQL cannot store NUL, and the others forge
 * log lines and confuse readers of the trail. Requests carrying them are refused; the refusal is still
 * recorded, with each such character written as {@code \\uXXXX}.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean in(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} with each control character as {@code \\uXXXX}; {@code null} stays {@code null}. */
    public static String escaped(String value) {
        if (!in(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }
}
