package owsim.cli.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Applies a case's edits to its shipped file and returns the bytes to hand owsim. The file is read
 * into a tree, changed there, and written again as indented JSON or block YAML (both are YAML, so
 * every reader sees a file with a line per key); text that no tree can hold (NaN, a 30-digit
 * integer, an anchor, a tag, a deep nesting) stands in the tree as a placeholder string replaced in
 * the written text. Byte edits (a byte that is not UTF-8, a cut) then act on those bytes.
 */
final class Mutator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String[] WORDS = {"id", "name", "kind", "value", "min", "max", "months", "seed", "users", "fuzzUnknown"};

    private final Map<String, String> raw = new HashMap<>();

    /** The bytes of one case. */
    static byte[] apply(FuzzCase c) {
        return new Mutator().bytes(c);
    }

    /** The shipped file itself, as a tree. */
    static JsonNode seed(InputKind kind, int file) {
        try {
            Path p = kind.seedFiles().get(file);
            return (kind.json() ? JSON : YAML).readTree(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(FuzzCase c) {
        JsonNode[] root = {seed(c.kind(), c.file())};
        for (Edit e : c.edits()) if (!e.op().onBytes()) root[0] = edit(root[0], e, c.kind().json());
        String text;
        try {
            text = c.blockYaml() && !c.kind().json() ? YAML.writeValueAsString(root[0]) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root[0]);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (var r : raw.entrySet()) {
            text = text.replace("\"" + r.getKey() + "\"", r.getValue()).replace("'" + r.getKey() + "'", r.getValue()).replace(r.getKey(), r.getValue());
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (Edit e : c.edits()) if (e.op().onBytes()) b = editBytes(b, e);
        return b;
    }

    /** A place in the tree: the container and the field name or index of the node there (root: no container). */
    private record Place(JsonNode parent, String field, int index) {
        JsonNode node(JsonNode root) {
            if (parent == null) return root;
            return field != null ? parent.get(field) : parent.get(index);
        }
    }

    private static List<Place> places(JsonNode root) {
        List<Place> out = new ArrayList<>();
        out.add(new Place(null, null, -1));
        walk(root, out);
        return out;
    }

    private static void walk(JsonNode n, List<Place> out) {
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                out.add(new Place(n, f, -1));
                walk(n.get(f), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Place(n, null, i));
                walk(n.get(i), out);
            }
        }
    }

    private static Place pick(List<Place> places, double at) {
        return places.get(Math.min(places.size() - 1, (int) (at * places.size())));
    }

    private JsonNode edit(JsonNode root, Edit e, boolean json) {
        List<Place> places = places(root);
        Place p = pick(places, e.at());
        JsonNode old = p.node(root);
        switch (e.op()) {
            case DELETE_KEY -> {
                if (p.parent() == null) return NODES.objectNode();
                if (p.field() != null) ((ObjectNode) p.parent()).remove(p.field());
                else ((ArrayNode) p.parent()).remove(p.index());
                return root;
            }
            case UNKNOWN_KEY -> {
                ObjectNode target = nearestObject(root, places, e.at());
                if (target != null) target.put("fuzzUnknownKey", 1);
                return root;
            }
            case ALIAS -> {
                // An anchor on one node, an alias to it at a later one (document order is the walk's order).
                Place q = pick(places, e.at2());
                if (q == p || q.parent() == null || p.parent() == null) return set(root, p, rawNode("*fz"));
                Place first = places.indexOf(p) < places.indexOf(q) ? p : q;
                Place second = first == p ? q : p;
                String anchored = "&fz " + compact(first.node(root));
                set(root, second, rawNode("*fz"));
                return set(root, first, rawNode(anchored));
            }
            default -> {
                return set(root, p, value(e, old, json));
            }
        }
    }

    private JsonNode value(Edit e, JsonNode old, boolean json) {
        return switch (e.op()) {
            case WRONG_TYPE_STRING -> NODES.textNode("fuzz");
            case WRONG_TYPE_LIST -> NODES.arrayNode().add(1).add("two");
            case WRONG_TYPE_MAP -> NODES.objectNode().put("fuzz", 1);
            case WRONG_TYPE_BOOLEAN -> NODES.booleanNode(true);
            case NUMBER_1E308 -> NODES.numberNode(1e308);
            case NUMBER_MINUS_1E308 -> NODES.numberNode(-1e308);
            case NUMBER_MINUS_ONE -> NODES.numberNode(-1);
            case NUMBER_ZERO -> NODES.numberNode(0);
            case NUMBER_SUBNORMAL -> NODES.numberNode(Double.MIN_VALUE);
            case NUMBER_NAN -> rawNode(json ? "NaN" : ".nan");
            case NUMBER_INFINITY -> rawNode(json ? "Infinity" : ".inf");
            case NUMBER_MINUS_INFINITY -> rawNode(json ? "-Infinity" : "-.inf");
            case INTEGER_HUGE -> rawNode("123456789012345678901234567890");
            case INTEGER_2_POW_31 -> NODES.numberNode(2147483648L);
            case INTEGER_LONG_MAX -> NODES.numberNode(Long.MAX_VALUE);
            case FRACTIONAL_INTEGER -> NODES.numberNode(old != null && old.isNumber() ? Math.floor(old.asDouble()) + 0.5 : 12.5);
            case NULL -> rawNode(json ? "null" : "~");
            case EMPTY_STRING -> NODES.textNode("");
            case LONG_STRING -> NODES.textNode("x".repeat(200_000));
            case DEEP_NESTING -> rawNode("[".repeat(5_000) + "]".repeat(5_000));
            case ALIAS_BOMB -> rawNode(aliasBomb());
            case UNKNOWN_TAG -> rawNode("!fuzz " + compact(old));
            case RANDOM_SUBTREE -> randomTree(new Random(e.seed()), 0);
            default -> throw new IllegalArgumentException(e.op().toString());
        };
    }

    /** Nine levels of nine aliases each: 387 million nodes if a reader expands them. */
    private static String aliasBomb() {
        StringBuilder b = new StringBuilder("[&a0 [1,1,1,1,1,1,1,1,1]");
        for (int i = 1; i < 9; i++) {
            b.append(", &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            b.append(']');
        }
        return b.append(']').toString();
    }

    private static JsonNode randomTree(Random r, int depth) {
        int k = depth > 4 ? r.nextInt(6) : r.nextInt(8);
        return switch (k) {
            case 0 -> NODES.numberNode(r.nextInt(3) == 0 ? r.nextInt() : r.nextDouble() * Math.pow(10, r.nextInt(40) - 10));
            case 1 -> NODES.numberNode((long) r.nextInt(100));
            case 2 -> NODES.textNode(WORDS[r.nextInt(WORDS.length)]);
            case 3 -> NODES.booleanNode(r.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.numberNode(-r.nextDouble());
            case 6 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) a.add(randomTree(r, depth + 1));
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) o.set(WORDS[r.nextInt(WORDS.length)], randomTree(r, depth + 1));
                yield o;
            }
        };
    }

    private static ObjectNode nearestObject(JsonNode root, List<Place> places, double at) {
        for (int i = Math.min(places.size() - 1, (int) (at * places.size())); i >= 0; i--) {
            JsonNode n = places.get(i).node(root);
            if (n != null && n.isObject()) return (ObjectNode) n;
        }
        return null;
    }

    private static JsonNode set(JsonNode root, Place p, JsonNode value) {
        if (p.parent() == null) return value;
        if (p.field() != null) ((ObjectNode) p.parent()).set(p.field(), value);
        else ((ArrayNode) p.parent()).set(p.index(), value);
        return root;
    }

    private JsonNode rawNode(String text) {
        String key = "@@FUZZRAW" + raw.size() + "@@";
        raw.put(key, text);
        return NODES.textNode(key);
    }

    private String compact(JsonNode n) {
        String s = n == null ? "null" : n.toString();
        for (var r : raw.entrySet()) s = s.replace("\"" + r.getKey() + "\"", r.getValue());
        return s;
    }

    private static byte[] editBytes(byte[] b, Edit e) {
        int at = Math.min(b.length, (int) (e.at() * b.length));
        if (e.op() == Edit.Op.TRUNCATE) return java.util.Arrays.copyOf(b, at);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 1);
        out.write(b, 0, at);
        out.write(0xFF);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }
}
