package owsim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds keys that no record component accepts, walking the document beside the target type.
 * Jackson reports unknown keys of a record only after calling its constructor, so a range error
 * elsewhere in the same mapping would hide a misspelt key; this pass runs first. It reads every
 * token of the text through {@link StrictYaml#nextChecked}, so the same pass refuses YAML tags and
 * aliases (once a pass of its own: a file is now read twice, this walk and the binding).
 */
final class UnknownKeys {
    private UnknownKeys() {}

    static void check(ObjectMapper mapper, String source, String text, Type type) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (StrictYaml.nextChecked(p, source) == null) return;
            InputException[] firstUnknown = new InputException[1];
            walk(p, source, type, "", firstUnknown);
            // What follows the first value (another document) is refused when bound; its tags and aliases first.
            while (StrictYaml.nextChecked(p, source) != null) {
                // only checked
            }
            // A tag or alias anywhere is reported before an unknown key, as when they were two passes.
            if (firstUnknown[0] != null) throw firstUnknown[0];
        }
    }

    /** Walks the current value as {@code type}; the first unknown key goes to {@code firstUnknown[0]} and the walk goes on. */
    private static void walk(JsonParser p, String source, Type type, String path, InputException[] firstUnknown) throws IOException {
        Class<?> raw = rawClass(type);
        JsonToken t = p.currentToken();
        if (raw != null && raw.isRecord() && t == JsonToken.START_OBJECT) {
            RecordComponent[] comps = raw.getRecordComponents();
            while (StrictYaml.nextChecked(p, source) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                RecordComponent match = null;
                for (RecordComponent c : comps) if (c.getName().equals(name)) match = c;
                JsonLocation loc = p.currentTokenLocation();
                StrictYaml.nextChecked(p, source);
                String childPath = path.isEmpty() ? name : path + "." + name;
                if (match == null) {
                    if (firstUnknown[0] == null) firstUnknown[0] = unknown(source, loc, childPath, name, comps);
                    skip(p, source);
                    continue;
                }
                walk(p, source, match.getGenericType(), childPath, firstUnknown);
            }
            return;
        }
        if (raw != null && Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt) {
            Type element = pt.getActualTypeArguments()[0];
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while (StrictYaml.nextChecked(p, source) != JsonToken.END_ARRAY) walk(p, source, element, path + "[" + i++ + "]", firstUnknown);
            } else {
                walk(p, source, element, path, firstUnknown);
            }
            return;
        }
        if (raw != null && Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt && t == JsonToken.START_OBJECT) {
            Type value = pt.getActualTypeArguments()[1];
            while (StrictYaml.nextChecked(p, source) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                StrictYaml.nextChecked(p, source);
                walk(p, source, value, path.isEmpty() ? name : path + "." + name, firstUnknown);
            }
            return;
        }
        skip(p, source);
    }

    private static InputException unknown(String source, JsonLocation loc, String childPath, String name, RecordComponent[] comps) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : comps) names.add(c.getName());
        List<String> near = Suggest.closest(name, names, 3);
        return new InputException(source, loc.getLineNr(), loc.getColumnNr(), childPath,
            "unknown key '" + name + "'; did you mean "
                + near.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))
                + "? Allowed here: " + names.stream().sorted().collect(Collectors.joining(", ")));
    }

    /** Past the current value, reading (and so checking) every token of it. */
    private static void skip(JsonParser p, String source) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            JsonToken n = StrictYaml.nextChecked(p, source);
            if (n == null) return;
            if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) depth++;
            else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) depth--;
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) return c;
        return null;
    }
}
