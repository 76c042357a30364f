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

    /**
     * Made on first use, not when the enum is: every command's --format option names TABLE, and
     * an ObjectMapper loads some 400 classes that a table never needs.
     */
    private static final class Mapper {
        static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static String json(Object value) {
        try {
            return Mapper.JSON_MAPPER.writeValueAsString(value);
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
        ObjectNode root = Mapper.JSON_MAPPER.createObjectNode();
        root.put("owsim", Main.version());
        root.put("command", command);
        JsonNode body = result instanceof JsonNode n ? n : Mapper.JSON_MAPPER.valueToTree(result);
        if (body instanceof ObjectNode o) root.setAll(o);
        else root.set("result", body);
        return root;
    }
}
