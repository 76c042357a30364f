package owsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;

/**
 * How a command prints its result: a human table or one JSON object. Every command's JSON has the
 * same shape: {@code {"owsim": VERSION, "command": "cost serve", ...the result's fields}}.
 */
enum OutputFormat {
    TABLE, JSON;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The word on the command line (picocli shows it in errors, help and completion). */
    @Override public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the option's word, either case; says what is allowed otherwise. */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override public OutputFormat convert(String value) {
            for (OutputFormat f : values()) if (f.toString().equalsIgnoreCase(value)) return f;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format; allowed: table, json");
        }
    }

    /** The words shell completion offers. */
    static final class Candidates implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return Arrays.stream(values()).map(OutputFormat::toString).iterator();
        }
    }

    static String json(Object value) {
        try {
            return JSON_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The one JSON object a command prints: owsim's version and the command's name first, then
     * the result's fields (an object's own fields, anything else under "result").
     *
     * @param command the command as typed after "owsim", e.g. "cost serve"
     */
    static ObjectNode envelope(String command, Object result) {
        ObjectNode root = JSON_MAPPER.createObjectNode();
        root.put("owsim", Main.version());
        root.put("command", command);
        JsonNode body = result instanceof JsonNode n ? n : JSON_MAPPER.valueToTree(result);
        if (body instanceof ObjectNode o) root.setAll(o);
        else root.set("result", body);
        return root;
    }

    /** Parses JSON text a command or the core already made (summary.json), to put in an envelope. */
    static JsonNode parse(String json) {
        try {
            return JSON_MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }
}
