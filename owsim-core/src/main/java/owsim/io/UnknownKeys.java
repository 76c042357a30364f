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
 * elsewhere in the same mapping would hide a misspelt key; this pass runs first.
 */
final class UnknownKeys {
    private UnknownKeys() {}

    static void check(ObjectMapper mapper, String source, String text, Type type) throws IOException {
        check(mapper, source, text, type, false);
    }

    /** The first missing field a walk found, or null. */
    private static final class Missing {
        InputException first;
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
        Missing missing = requireNumbers ? new Missing() : null;
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (p.nextToken() == null) return null;
            walk(p, source, type, "", missing);
        }
        return missing == null ? null : missing.first;
    }

    private static void walk(JsonParser p, String source, Type type, String path, Missing requireNumbers) throws IOException {
        Class<?> raw = rawClass(type);
        JsonToken t = p.currentToken();
        if (raw != null && raw.isRecord() && t == JsonToken.START_OBJECT) {
            RecordComponent[] comps = raw.getRecordComponents();
            JsonLocation start = p.currentTokenLocation();
            List<String> present = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                present.add(name);
                RecordComponent match = null;
                for (RecordComponent c : comps) if (c.getName().equals(name)) match = c;
                JsonLocation loc = p.currentTokenLocation();
                p.nextToken();
                String childPath = path.isEmpty() ? name : path + "." + name;
                if (match == null) {
                    List<String> names = new ArrayList<>();
                    for (RecordComponent c : comps) names.add(c.getName());
                    List<String> near = Suggest.closest(name, names, 3);
                    throw new InputException(source, loc.getLineNr(), loc.getColumnNr(), childPath,
                        "unknown key '" + name + "'; did you mean "
                            + near.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))
                            + "? Allowed here: " + names.stream().sorted().collect(Collectors.joining(", ")));
                }
                walk(p, source, match.getGenericType(), childPath, requireNumbers);
            }
            if (requireNumbers != null && requireNumbers.first == null) {
                for (RecordComponent c : comps) {
                    if (!c.getType().isPrimitive() || present.contains(c.getName()) || c.isAnnotationPresent(DocumentedDefault.class)) continue;
                    requireNumbers.first = new InputException(source, start.getLineNr(), start.getColumnNr(), path.isEmpty() ? c.getName() : path + "." + c.getName(),
                        "required: the field is missing" + (path.isEmpty() ? "" : " from " + path) + " (it has no default; give "
                            + (c.getType() == boolean.class ? "true or false" : "its value") + ")");
                    break;
                }
            }
            return;
        }
        if (raw != null && Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt) {
            Type element = pt.getActualTypeArguments()[0];
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) walk(p, source, element, path + "[" + i++ + "]", requireNumbers);
            } else {
                walk(p, source, element, path, requireNumbers);
            }
            return;
        }
        if (raw != null && Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt && t == JsonToken.START_OBJECT) {
            Type value = pt.getActualTypeArguments()[1];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                walk(p, source, value, path.isEmpty() ? name : path + "." + name, requireNumbers);
            }
            return;
        }
        p.skipChildren();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) return c;
        return null;
    }
}
