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
        check(mapper, source, text, type, false);
    }

    /** What a walk found: the first unknown key, and (when asked for) the first missing field. */
    private static final class Found {
        final boolean requireNumbers;
        InputException unknown;
        InputException missing;

        Found(boolean requireNumbers) { this.requireNumbers = requireNumbers; }
    }

    /**
     * As {@link #check(ObjectMapper, String, String, Type)}; with {@code requireNumbers}, also a
     * missing number or true/false field (which Jackson would bind as 0 or false) that is not a
     * {@link DocumentedDefault} is found, and returned (not thrown: the caller lets the records' own
     * checks speak first, as their messages say more), at the line of the mapping that lacks it.
     *
     * @return the first missing field as an error, or null
     */
    static InputException check(ObjectMapper mapper, String source, String text, Type type, boolean requireNumbers) throws IOException {
        Found found = new Found(requireNumbers);
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (StrictYaml.nextChecked(p, source) == null) return null;
            walk(p, source, type, "", found);
            // What follows the first value (another document) is refused when bound; its tags and aliases first.
            while (StrictYaml.nextChecked(p, source) != null) {
                // only checked
            }
            // A tag or alias anywhere is reported before an unknown key, as when they were two passes.
            if (found.unknown != null) throw found.unknown;
        }
        return found.missing;
    }

    /** Walks the current value as {@code type}; the first unknown key and missing field go to {@code found} and the walk goes on. */
    private static void walk(JsonParser p, String source, Type type, String path, Found found) throws IOException {
        Class<?> raw = rawClass(type);
        JsonToken t = p.currentToken();
        if (raw != null && raw.isRecord() && t == JsonToken.START_OBJECT) {
            RecordComponent[] comps = raw.getRecordComponents();
            JsonLocation start = p.currentTokenLocation();
            List<String> present = new ArrayList<>();
            while (StrictYaml.nextChecked(p, source) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                present.add(name);
                RecordComponent match = null;
                for (RecordComponent c : comps) if (c.getName().equals(name)) match = c;
                JsonLocation loc = p.currentTokenLocation();
                StrictYaml.nextChecked(p, source);
                String childPath = path.isEmpty() ? name : path + "." + name;
                if (match == null) {
                    if (found.unknown == null) found.unknown = unknown(source, loc, childPath, name, comps);
                    skip(p, source);
                    continue;
                }
                walk(p, source, match.getGenericType(), childPath, found);
            }
            if (found.requireNumbers && found.missing == null) found.missing = missing(source, start, path, comps, present);
            return;
        }
        if (raw != null && Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt) {
            Type element = pt.getActualTypeArguments()[0];
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while (StrictYaml.nextChecked(p, source) != JsonToken.END_ARRAY) walk(p, source, element, path + "[" + i++ + "]", found);
            } else {
                walk(p, source, element, path, found);
            }
            return;
        }
        if (raw != null && Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt && t == JsonToken.START_OBJECT) {
            Type value = pt.getActualTypeArguments()[1];
            while (StrictYaml.nextChecked(p, source) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                StrictYaml.nextChecked(p, source);
                walk(p, source, value, path.isEmpty() ? name : path + "." + name, found);
            }
            return;
        }
        skip(p, source);
    }

    /** The first primitive component of a record mapping that the mapping leaves out and that has no documented default, or null. */
    private static InputException missing(String source, JsonLocation start, String path, RecordComponent[] comps, List<String> present) {
        for (RecordComponent c : comps) {
            if (!c.getType().isPrimitive() || present.contains(c.getName()) || c.isAnnotationPresent(DocumentedDefault.class)) continue;
            return new InputException(source, start.getLineNr(), start.getColumnNr(), path.isEmpty() ? c.getName() : path + "." + c.getName(),
                "required: the field is missing" + (path.isEmpty() ? "" : " from " + path) + " (it has no default; give "
                    + (c.getType() == boolean.class ? "true or false" : "its value") + ")");
        }
        return null;
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
