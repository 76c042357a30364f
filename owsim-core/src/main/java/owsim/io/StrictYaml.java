package owsim.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML (or JSON, a subset) into immutable records, strictly: unknown keys are refused with
 * the nearest known names, wrong types and out-of-range values are reported with file, line,
 * column and the dotted path of the field. Range rules live in the records' constructors
 * (see {@link Check}); this class only adds the position.
 */
public final class StrictYaml {
    /**
     * Deepest nesting of mappings and lists accepted (owsim's formats need about six levels).
     * Enforced by Jackson's stream constraints, which its YAML parser checks on every token.
     */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The core-schema tags YAML may write without changing a value's meaning; any other tag is refused. */
    private static final Set<String> PLAIN_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq")
        .stream().map(t -> "tag:yaml.org,2002:" + t).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper mapper;

    public StrictYaml() {
        this.mapper = YAMLMapper.builder(factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // months: 12.5 is refused, not cut to 12
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    }

    /**
     * The YAML parser factory for user files. SnakeYAML's own code point limit (3 MiB by default)
     * is raised to {@link InputFiles#MAX_BYTES} so the one size limit is the file's; its alias and
     * nesting limits apply only when SnakeYAML builds a node tree, which Jackson's streaming parser
     * never does, so nesting is limited by Jackson's stream constraints and aliases are refused by
     * {@link #nextChecked} (Jackson would read {@code *x} as the text "x").
     */
    public static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(InputFiles.MAX_BYTES);
        loader.setMaxAliasesForCollections(0);
        loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
        return YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(constraints())
            .build();
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxDocumentLength(InputFiles.MAX_BYTES)
            .build();
    }

    /** A JSON mapper with the same strictness, for JSON inputs. */
    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints()).build())
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

    private boolean requireNumbers;

    /**
     * This reader refuses a file that leaves out a number or true/false field of a record (read as
     * 0 or false otherwise) unless the field is a {@link DocumentedDefault}.
     *
     * @return this reader
     */
    public StrictYaml requireNumbers() {
        this.requireNumbers = true;
        return this;
    }

    public <T> T read(String sourceName, String text, Class<T> type) {
        try {
            // One pass over the tokens refuses tags, aliases and unknown keys (and finds missing fields); a second binds.
            InputException missing = UnknownKeys.check(mapper, sourceName, text, type, requireNumbers);
            T value = mapper.readValue(text, type);
            if (value == null) throw new InputException(sourceName, 1, 1, null, "the file is empty");
            // After binding, so that a record's own check of the value it was given (0 for a
            // missing number), which says what is allowed, comes first.
            if (missing != null) throw missing;
            return value;
        } catch (JsonProcessingException e) {
            throw atFieldLine(text, translate(sourceName, e));
        } catch (IOException e) {
            throw new InputException(sourceName, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The next token, refused if it carries a YAML tag other than the core schema's ({@code !foo}
     * would otherwise be dropped silently) or is an alias ({@code *name}, read by Jackson as the
     * text "name", and the means of "billion laughs" documents). {@link UnknownKeys} reads every
     * token of a document through this before anything is bound.
     */
    static JsonToken nextChecked(JsonParser p, String source) throws IOException {
        JsonToken t = next(p, source);
        if (t != null && p instanceof YAMLParser y) {
            String tag = y.getTypeId();
            if (tag != null && !PLAIN_TAGS.contains(tag)) {
                JsonLocation l = y.currentTokenLocation();
                String shown = tag.startsWith("tag:") ? "!<" + tag + ">" : "!" + tag;
                throw new InputException(source, l.getLineNr(), l.getColumnNr(), fieldAt(y),
                    "unknown YAML tag '" + shown + "'; owsim files use no tags: remove it");
            }
            if (y.isCurrentAlias()) {
                JsonLocation l = y.currentTokenLocation();
                throw new InputException(source, l.getLineNr(), l.getColumnNr(), fieldAt(y),
                    "YAML aliases ('*" + y.getText() + "') are not allowed; write the value out in full");
            }
        }
        return t;
    }

    /** The next token; a nesting-limit error gets the position the parser reached (Jackson's has none). */
    private static JsonToken next(JsonParser p, String source) throws IOException {
        try {
            return p.nextToken();
        } catch (StreamConstraintsException e) {
            JsonLocation l = p.currentLocation();
            InputException t = translate(source, e);
            throw new InputException(source, l.getLineNr(), l.getColumnNr(), null, t.getMessage().substring(source.length() + 2));
        }
    }

    private static String fieldAt(JsonParser p) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (pointer.isEmpty()) return null;
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
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
            String path = path(mm.getPath());
            if (path.isEmpty() && mm.getTargetType() != null && !Collection.class.isAssignableFrom(mm.getTargetType())) {
                // The whole file is of the wrong kind: say so without Jackson's message, which quotes its text.
                return new InputException(source, line, col, null, "expected " + typeName(mm.getTargetType())
                    + " at the top level; this is not " + article(mm.getTargetType().getSimpleName()) + " file");
            }
            // Jackson's own text names Java types and tokens; say what was expected and what was found.
            String found = foundKind(mm.getOriginalMessage());
            String msg = "expected " + typeName(mm.getTargetType()) + (found == null ? "" : ", was " + found);
            return new InputException(source, line, col, path, msg);
        }
        if (e instanceof JsonMappingException jm) {
            if (jm.getCause() instanceof StreamConstraintsException sc) {
                return new InputException(source, line, col, path(jm.getPath()), tooLong(sc));
            }
            return new InputException(source, line, col, path(jm.getPath()), firstLine(jm.getOriginalMessage()));
        }
        if (e instanceof StreamConstraintsException sc) {
            return new InputException(source, line, col, null, tooLong(sc));
        }
        String m = firstLine(e.getOriginalMessage());
        if (m.contains("exceeds the limit")) m = "larger than " + (InputFiles.MAX_BYTES >> 20) + " MiB, the limit for an input file";
        return new InputException(source, line, col, null, "not valid YAML: " + m);
    }

    private static String article(String name) {
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) names.add(c.toString());
        return String.join(", ", names);
    }

    /** What a value that broke one of the parser's limits is, in the file's terms rather than the parser's. */
    private static String tooLong(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting")) return "nested deeper than " + MAX_NESTING_DEPTH + " levels, the limit for an input file";
        if (m.contains("Number value length")) return "a number longer than 1,000 characters; write it with an exponent (1.5e12)";
        if (m.contains("String value length")) return "a text longer than the limit for one value";
        return "larger than " + (InputFiles.MAX_BYTES >> 20) + " MiB, the limit for an input file";
    }

    /** The kind of value Jackson found where another belonged ("from Array value"), or null when it does not say. */
    private static String foundKind(String jacksonMessage) {
        if (jacksonMessage == null) return null;
        if (jacksonMessage.contains("from Array value")) return "a list";
        if (jacksonMessage.contains("from Object value")) return "a mapping";
        if (jacksonMessage.contains("from String value")) return "text";
        if (jacksonMessage.contains("from Boolean value")) return "true or false";
        if (jacksonMessage.contains("from Floating-point value")) return "a number with a fraction";
        if (jacksonMessage.contains("from Integer value")) return "a whole number";
        if (jacksonMessage.contains("from Null value")) return "empty";
        return null;
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
