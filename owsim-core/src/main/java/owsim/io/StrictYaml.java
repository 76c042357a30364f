package owsim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads YAML (or JSON, a subset) into immutable records, strictly: unknown keys are refused with
 * the nearest known names, wrong types and out-of-range values are reported with file, line,
 * column and the dotted path of the field. Range rules live in the records' constructors
 * (see {@link Check}); this class only adds the position.
 */
public final class StrictYaml {
    private final ObjectMapper mapper;

    public StrictYaml() {
        this.mapper = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // months: 12.5 is refused, not cut to 12
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    }

    /** A JSON mapper with the same strictness, for JSON inputs. */
    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    }

    public ObjectMapper mapper() { return mapper; }

    public <T> T read(Path file, Class<T> type) {
        String text = InputFiles.read(file);
        return read(file.toString(), text, type);
    }

    /** Reads a resource bundled with owsim (a catalog or the default scenario). */
    public <T> T readResource(String resource, Class<T> type) {
        try (InputStream in = StrictYaml.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
            return read("(bundled) " + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled resource " + resource, e);
        }
    }

    public <T> T read(String sourceName, String text, Class<T> type) {
        try {
            UnknownKeys.check(mapper, sourceName, text, type);
            T value = mapper.readValue(text, type);
            if (value == null) throw new InputException(sourceName, 1, 1, null, "the file is empty");
            return value;
        } catch (JsonProcessingException e) {
            throw atFieldLine(text, translate(sourceName, e));
        } catch (IOException e) {
            throw new InputException(sourceName, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Jackson reports a constructor's complaint at the end of the mapping it built; move the error
     * to the line of the field it names, when that field is written in the text.
     */
    public static InputException atFieldLine(String text, InputException e) {
        if (e.field() == null || e.field().isEmpty()) return e;
        int[] at = YamlLocator.locate(text, e.field());
        if (at == null || (at[0] == e.line() && at[1] == e.column())) return e;
        String m = e.getMessage();
        String prefix = e.field() + ": ";
        int i = m.indexOf(prefix);
        return new InputException(e.source(), at[0], at[1], e.field(), i >= 0 ? m.substring(i + prefix.length()) : m);
    }

    static InputException translate(String source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int col = loc == null ? 0 : loc.getColumnNr();
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u.getPath());
            Collection<Object> known = u.getKnownPropertyIds();
            List<String> names = new ArrayList<>();
            if (known != null) known.forEach(k -> names.add(String.valueOf(k)));
            List<String> near = Suggest.closest(u.getPropertyName(), names, 3);
            String msg = "unknown key '" + u.getPropertyName() + "'"
                + (near.isEmpty() ? "" : "; did you mean " + near.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or ")) + "?")
                + (names.isEmpty() ? "" : " Allowed here: " + names.stream().sorted().collect(Collectors.joining(", ")));
            return new InputException(source, line, col, path, msg);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            String path = path(v.getPath());
            // Constructors name the field first ("layers: must be ..."), so join it to the path.
            int colon = m.indexOf(": ");
            if (colon > 0 && !m.substring(0, colon).contains(" ")) {
                String field = m.substring(0, colon);
                return new InputException(source, line, col, path.isEmpty() ? field : path + "." + field, m.substring(colon + 2));
            }
            return new InputException(source, line, col, path, m);
        }
        if (e instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                ? "; allowed: " + enumNames(f.getTargetType())
                : "; expected " + typeName(f.getTargetType());
            return new InputException(source, line, col, path(f.getPath()), "cannot use '" + f.getValue() + "'" + allowed);
        }
        if (e instanceof MismatchedInputException mm) {
            String msg = mm.getTargetType() == null ? firstLine(mm.getOriginalMessage())
                : "expected " + typeName(mm.getTargetType()) + " (" + firstLine(mm.getOriginalMessage()) + ")";
            return new InputException(source, line, col, path(mm.getPath()), msg);
        }
        if (e instanceof JsonMappingException jm) {
            return new InputException(source, line, col, path(jm.getPath()), firstLine(jm.getOriginalMessage()));
        }
        return new InputException(source, line, col, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) names.add(c.toString());
        return String.join(", ", names);
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "a value";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "a whole number";
        if (t == double.class || t == Double.class) return "a number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class) return "text";
        if (List.class.isAssignableFrom(t)) return "a list";
        if (t.isEnum()) return "one of " + enumNames(t);
        return "a mapping (" + t.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
