package owsim.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import owsim.io.InputException;
import owsim.io.YamlLocator;
import owsim.io.InputFiles;

/**
 * Turns a Hugging Face {@code config.json} into a {@link ModelSpec}. Knows the field names and
 * the transformers defaults of the supported {@code model_type}s; multimodal configs that nest
 * the language model under {@code text_config} (Gemma 3, Kimi K2.5) are read from there.
 * Anything it cannot map is an {@link InputException} naming the file and the field.
 */
public final class HfConfigImport {
    /** The model types this importer understands. */
    public static final List<String> SUPPORTED = List.of(
        "llama", "mistral", "mixtral", "qwen2", "qwen3", "qwen3_moe", "deepseek_v2", "deepseek_v3", "kimi_k2",
        "glm4_moe", "gpt_oss", "gemma3", "gemma3_text");

    private static final Set<String> MLA_TYPES = Set.of("deepseek_v2", "deepseek_v3", "kimi_k2");
    private static final Set<String> GEMMA_TYPES = Set.of("gemma3", "gemma3_text");
    /** The config field each catalog field is read from, so that a size the catalog refuses is named as the config writes it. */
    private static final Map<String, String> CONFIG_FIELDS = Map.ofEntries(
        Map.entry("layers", "num_hidden_layers"), Map.entry("hiddenSize", "hidden_size"), Map.entry("vocabSize", "vocab_size"),
        Map.entry("contextTokens", "max_position_embeddings"), Map.entry("queryHeads", "num_attention_heads"),
        Map.entry("kvHeads", "num_key_value_heads"), Map.entry("headDim", "head_dim"), Map.entry("qLoraRank", "q_lora_rank"),
        Map.entry("kvLoraRank", "kv_lora_rank"), Map.entry("qkNopeHeadDim", "qk_nope_head_dim"),
        Map.entry("qkRopeHeadDim", "qk_rope_head_dim"), Map.entry("vHeadDim", "v_head_dim"),
        Map.entry("slidingWindowTokens", "sliding_window"));

    private final String source;
    private final String json;
    private final JsonNode root;
    private final JsonNode text;
    private final String type;

    private HfConfigImport(String source, String json, JsonNode root) {
        this.source = source;
        this.json = json;
        this.root = root;
        JsonNode nested = root.get("text_config");
        this.text = nested != null && nested.isObject() ? nested : root;
        String t = textOrNull(text, "model_type");
        if (t == null || !SUPPORTED.contains(t)) t = textOrNull(root, "model_type");
        if (t == null) throw error("model_type", "is missing; supported: " + String.join(", ", SUPPORTED));
        if (!SUPPORTED.contains(t)) {
            throw error("model_type", "'" + t + "' is not supported; supported: " + String.join(", ", SUPPORTED));
        }
        this.type = t;
    }

    /** Reads a config.json file; {@code id} may be null to derive one from the file. */
    public static ModelSpec fromFile(Path file, String id) {
        String json = InputFiles.read(file);
        return parse(file.toString(), json, id, idFromPath(file));
    }

    /** Reads config.json text; {@code source} names it in errors; {@code id} may be null to use the config's name. */
    public static ModelSpec fromJson(String source, String json, String id) {
        return parse(source, json, id, null);
    }

    private static ModelSpec parse(String source, String json, String id, String fileId) {
        JsonNode root;
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                root = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                // A limit error (nesting, a number's length) has no location of its own: the parser's is where it stopped.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                String why = e instanceof StreamConstraintsException
                    ? "nested too deep or a value too long for a model's config.json" : "not valid JSON; expected a model's config.json";
                // Jackson's message quotes the text it could not read; a file of another kind is not echoed.
                throw new InputException(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), null, why);
            }
        } catch (IOException e) {
            throw new InputException(source, 1, 1, null, "not valid JSON; expected a model's config.json");
        }
        if (root == null || !root.isObject()) throw new InputException(source, 1, 1, null, "expected a JSON object");
        HfConfigImport in = new HfConfigImport(source, json, root);
        // An explicit id wins, then the checkpoint's own name, then the file or folder name.
        String chosen = id != null ? id : in.idFromName(fileId);
        return in.toSpec(chosen);
    }

    private ModelSpec toSpec(String id) {
        int layers = requiredInt("num_hidden_layers");
        int hidden = requiredInt("hidden_size");
        int heads = requiredInt("num_attention_heads");
        // Checked here because the head size is derived from it (hidden_size / heads) before any record sees it.
        if (heads <= 0) throw error(prefixed("num_attention_heads"), "must be a whole number > 0, was " + heads);
        int vocab = GEMMA_TYPES.contains(type) ? optInt("vocab_size", 262_208) : requiredInt("vocab_size");
        int context = GEMMA_TYPES.contains(type) ? optInt("max_position_embeddings", 131_072) : requiredInt("max_position_embeddings");
        boolean tied = optBool("tie_word_embeddings", GEMMA_TYPES.contains(type));

        AttentionSpec attention = attention(layers, hidden, heads);
        FfnSpec ffn = ffn(layers);
        WeightFormat[] formats = weightFormats();
        try {
            ModelSpec m = new ModelSpec(id, textOrNull(root, "_name_or_path") != null ? textOrNull(root, "_name_or_path") : id,
                null, null, layers, hidden, vocab, tied, context, formats[0], formats[1], attention, ffn, null,
                List.of("imported from Hugging Face config " + Path.of(source).getFileName() + " (model_type " + type + ")"),
                null);
            ParameterCount.of(m); // sizes that pass one by one can still overflow 64 bits together
            return m;
        } catch (IllegalArgumentException e) {
            throw specError(null, e);
        }
    }

    private AttentionSpec attention(int layers, int hidden, int heads) {
        if (MLA_TYPES.contains(type)) {
            return build(() -> new AttentionSpec(AttentionKind.MLA, heads, 0, 0,
                optInt("q_lora_rank", 0), requiredInt("kv_lora_rank"), requiredInt("qk_nope_head_dim"),
                requiredInt("qk_rope_head_dim"), requiredInt("v_head_dim"), 0, 0, false));
        }
        int kvHeads = optInt("num_key_value_heads", heads);
        int headDim = optInt("head_dim", 0);
        if (headDim == 0) {
            if (hidden % heads != 0) throw error("head_dim", "is missing and hidden_size " + hidden + " is not a multiple of num_attention_heads " + heads);
            headDim = hidden / heads;
        }
        int window = slidingWindowTokens();
        int windowLayers = window > 0 ? slidingWindowLayers(layers) : 0;
        if (windowLayers == 0) window = 0;
        // Qwen2 always has q/k/v biases; gpt-oss defaults to biases; the rest say so in attention_bias.
        boolean defaultBias = type.equals("qwen2") || type.equals("gpt_oss");
        boolean bias = optBool("attention_bias", defaultBias);
        AttentionKind kind = kvHeads == heads ? AttentionKind.MHA : AttentionKind.GQA;
        int kv = kvHeads, hd = headDim, w = window, wl = windowLayers;
        return build(() -> new AttentionSpec(kind, heads, kv, hd, 0, 0, 0, 0, 0, w, wl, bias));
    }

    private int slidingWindowTokens() {
        JsonNode n = text.get("sliding_window");
        if (n == null || n.isNull()) return 0;
        if (!n.canConvertToInt()) throw error("sliding_window", "expected a whole number or null, was " + n);
        // Qwen configs carry a window but switch it off with use_sliding_window: false.
        if ((type.startsWith("qwen")) && !optBool("use_sliding_window", false)) return 0;
        return n.asInt();
    }

    private int slidingWindowLayers(int layers) {
        JsonNode types = text.get("layer_types");
        if (types != null && types.isArray()) {
            if (types.size() != layers) throw error("layer_types", "has " + types.size() + " entries for " + layers + " layers");
            int n = 0;
            for (JsonNode t : types) if (t.asText().equals("sliding_attention")) n++;
            return n;
        }
        if (GEMMA_TYPES.contains(type)) {
            // Gemma 3: every sliding_window_pattern-th layer is global, the rest local.
            int pattern = optInt("sliding_window_pattern", 6);
            if (pattern <= 0) throw error("sliding_window_pattern", "must be > 0, was " + pattern);
            return layers - layers / pattern;
        }
        if (type.equals("gpt_oss")) return layers / 2; // alternating sliding and full layers
        if (type.startsWith("qwen")) return layers - Math.min(layers, optInt("max_window_layers", layers));
        return layers; // Mistral-style: every layer uses the window
    }

    private FfnSpec ffn(int layers) {
        switch (type) {
            case "mixtral": {
                int experts = requiredInt("num_local_experts");
                return buildFfn(0, 0, requiredInt("intermediate_size"), experts, requiredInt("num_experts_per_tok"), 0, false);
            }
            case "gpt_oss": {
                int experts = requiredInt("num_local_experts");
                int active = text.has("num_experts_per_tok") ? requiredInt("num_experts_per_tok") : requiredInt("experts_per_token");
                return buildFfn(0, 0, requiredInt("intermediate_size"), experts, active, 0, true);
            }
            case "qwen3_moe": {
                JsonNode denseOnly = text.get("mlp_only_layers");
                int dense = denseOnly != null && denseOnly.isArray() ? denseOnly.size() : 0;
                return buildFfn(optInt("intermediate_size", 0), dense, requiredInt("moe_intermediate_size"),
                    requiredInt("num_experts"), requiredInt("num_experts_per_tok"), 0, false);
            }
            case "deepseek_v2": case "deepseek_v3": case "kimi_k2": case "glm4_moe": {
                int dense = optInt("first_k_dense_replace", 0);
                return buildFfn(dense > 0 ? requiredInt("intermediate_size") : optInt("intermediate_size", 0), Math.min(dense, layers),
                    requiredInt("moe_intermediate_size"), requiredInt("n_routed_experts"), requiredInt("num_experts_per_tok"),
                    optInt("n_shared_experts", 0), false);
            }
            default:
                return buildFfn(requiredInt("intermediate_size"), 0, 0, 0, 0, 0, false);
        }
    }

    /** Non-expert and expert formats from quantization_config, else torch_dtype. */
    private WeightFormat[] weightFormats() {
        JsonNode q = text.has("quantization_config") ? text.get("quantization_config") : root.get("quantization_config");
        WeightFormat base = dtypeFormat();
        if (q == null || q.isNull()) return new WeightFormat[] {base, base};
        String method = textOrNull(q, "quant_method");
        if (method == null) throw error("quantization_config.quant_method", "is missing");
        switch (method.toLowerCase(Locale.ROOT)) {
            case "fp8": case "fbgemm_fp8": case "fp8_e4m3":
                return new WeightFormat[] {WeightFormat.FP8, WeightFormat.FP8};
            case "mxfp4":
                // gpt-oss: only the MoE experts are MXFP4; attention, router and embeddings stay BF16.
                return new WeightFormat[] {base, WeightFormat.INT4};
            case "awq": case "gptq": case "bitsandbytes": {
                int bits = q.has("bits") ? q.get("bits").asInt() : q.path("load_in_8bit").asBoolean(false) ? 8 : 4;
                WeightFormat f = bitsFormat(bits, "quantization_config.bits");
                return new WeightFormat[] {f, f};
            }
            case "compressed-tensors": {
                JsonNode weights = q.path("config_groups").path("group_0").path("weights");
                if (!weights.has("num_bits")) throw error("quantization_config.config_groups.group_0.weights.num_bits", "is missing");
                WeightFormat f = bitsFormat(weights.get("num_bits").asInt(), "quantization_config.config_groups.group_0.weights.num_bits");
                if (weights.path("type").asText("int").equals("float") && f == WeightFormat.INT8) f = WeightFormat.FP8;
                // Kimi K2 Thinking / K2.5: INT4 experts, attention and shared experts left out ("ignore").
                boolean ignoresAttention = q.path("ignore").toString().contains("attn");
                return ignoresAttention ? new WeightFormat[] {base, f} : new WeightFormat[] {f, f};
            }
            default:
                throw error("quantization_config.quant_method", "'" + method
                    + "' is not supported; supported: fp8, fbgemm_fp8, mxfp4, awq, gptq, bitsandbytes, compressed-tensors");
        }
    }

    /**
     * The checkpoint's storage type ({@code torch_dtype}, or {@code dtype} in newer configs).
     * FP32 and FP16 checkpoints are served as BF16, which has no format of its own here.
     */
    private WeightFormat dtypeFormat() {
        String field = text.has("torch_dtype") || root.has("torch_dtype") ? "torch_dtype" : "dtype";
        JsonNode n = text.has(field) ? text.get(field) : root.get(field);
        if (n == null || n.isNull()) return WeightFormat.BF16;
        String d = n.asText().toLowerCase(Locale.ROOT).replace("torch.", "");
        if (d.equals("bfloat16") || d.equals("float16") || d.equals("float32") || d.equals("auto")) return WeightFormat.BF16;
        if (d.startsWith("float8")) return WeightFormat.FP8;
        if (d.equals("int8")) return WeightFormat.INT8;
        throw error(prefixed(field), "'" + n.asText() + "' is not a weight type owsim knows; allowed: bfloat16, float16, float32, float8_e4m3fn, int8");
    }

    private WeightFormat bitsFormat(int bits, String field) {
        if (bits == 8) return WeightFormat.INT8;
        if (bits == 4) return WeightFormat.INT4;
        if (bits == 16) return WeightFormat.BF16;
        throw error(field, "must be 4, 8 or 16 bits, was " + bits);
    }

    private AttentionSpec build(java.util.function.Supplier<AttentionSpec> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw specError("attention", e);
        }
    }

    private FfnSpec buildFfn(int dense, int denseLayers, int moe, int experts, int active, int shared, boolean bias) {
        try {
            return new FfnSpec(dense, denseLayers, moe, experts, active, shared, bias);
        } catch (IllegalArgumentException e) {
            throw error(null, "feed-forward: " + e.getMessage());
        }
    }

    private int requiredInt(String field) {
        JsonNode n = text.get(field);
        if (n == null || n.isNull()) {
            throw error(prefixed(field), "is missing (required for model_type " + type + ")");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) throw error(prefixed(field), "expected a whole number, was " + n);
        return n.asInt();
    }

    private int optInt(String field, int fallback) {
        JsonNode n = text.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw error(prefixed(field), "expected a whole number, was " + n);
        return n.asInt();
    }

    private boolean optBool(String field, boolean fallback) {
        JsonNode n = text.has(field) ? text.get(field) : root.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isBoolean()) throw error(prefixed(field), "expected true or false, was " + n);
        return n.asBoolean();
    }

    private String prefixed(String field) {
        return text == root ? field : "text_config." + field;
    }

    /** A record's complaint ("qkNopeHeadDim: must be ..."), with the config field it came from named first when there is one. */
    private InputException specError(String part, IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(": ");
        String configField = colon > 0 ? CONFIG_FIELDS.get(m.substring(0, colon)) : null;
        if (configField == null) return error(null, (part == null ? "" : part + ": ") + m);
        return error(prefixed(configField), m.substring(colon + 2) + " (catalog field " + (part == null ? "" : part + ".") + m.substring(0, colon) + ")");
    }

    /** An error at the field's line; a missing field is placed at its parent's line (line 1 for the top level). */
    private InputException error(String field, String message) {
        int[] at = null;
        for (String p = field; p != null && at == null; p = p.lastIndexOf('.') > 0 ? p.substring(0, p.lastIndexOf('.')) : null) {
            at = YamlLocator.locate(json, p);
        }
        if (at == null) at = new int[] {1, 1};
        return new InputException(source, at[0], at[1], field, message);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private String idFromName(String fileId) {
        String name = textOrNull(root, "_name_or_path");
        if (name != null && !name.isBlank()) return sanitize(name.substring(name.lastIndexOf('/') + 1));
        return fileId != null ? fileId : sanitize(type);
    }

    private static String idFromPath(Path file) {
        Path name = file.getFileName();
        String stem = name == null ? "" : name.toString().replaceFirst("\\.json$", "");
        // config.json says nothing; its folder is usually the model's name.
        if (stem.equals("config") && file.toAbsolutePath().getParent() != null && file.toAbsolutePath().getParent().getFileName() != null) {
            stem = file.toAbsolutePath().getParent().getFileName().toString();
        }
        return stem.isEmpty() ? null : sanitize(stem);
    }

    /** Lower-case letters, digits, '.', '_' and '-', as catalog ids require. */
    static String sanitize(String s) {
        String id = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return id.isEmpty() ? "imported-model" : id;
    }
}
