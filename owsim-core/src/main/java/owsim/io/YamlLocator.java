package owsim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds the line and column of a dotted field path ("distillers[0].targets") in YAML text, so that
 * errors found after reading (range rules checked when a whole mapping is built, cross-references
 * between sections) can point at the field's own line.
 */
public final class YamlLocator {
    private YamlLocator() {}

    /** {line, column} of the key at the path, or null when it is not in the text. */
    public static int[] locate(String text, String path) {
        String pointer = "/" + path.replace("].", "/").replace("[", "/").replace("]", "").replace('.', '/');
        try (JsonParser p = StrictYaml.factory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (names(p, t) && p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                    JsonLocation l = p.currentTokenLocation();
                    return new int[] {l.getLineNr(), l.getColumnNr()};
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Whether the token starts what a path names: a key, or a list element (a value or a nested section). */
    private static boolean names(JsonParser p, JsonToken t) {
        if (t == JsonToken.FIELD_NAME) return true;
        if (t.isScalarValue()) return p.getParsingContext().inArray();
        if (t.isStructStart()) return p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inArray();
        return false;
    }
}
