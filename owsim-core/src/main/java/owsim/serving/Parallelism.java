package owsim.serving;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a deployment splits the model. Per pipeline stage there are {@code tensor x dataParallel}
 * devices: attention (and dense MLPs, shared experts, the LM head) runs in {@code dataParallel}
 * groups of {@code tensor} devices each holding a copy of those weights (data-parallel attention,
 * as SGLang, vLLM and TensorRT-LLM run MLA models); the routed experts of a MoE model are spread
 * over all devices of the stage ({@code expert = tensor x dataParallel}; 1 for a dense model).
 * Pipeline stages hold consecutive layers. {@code nodes} is how many nodes (NVLink domains) the
 * deployment spans.
 */
public record Parallelism(int tensor, int pipeline, int expert, int nodes, int dataParallel) {
    private static final Pattern TERM = Pattern.compile("(tp|pp|ep|dp)(\\d{1,5})");

    /** A layout without data-parallel attention (one attention group per stage). */
    public Parallelism(int tensor, int pipeline, int expert, int nodes) {
        this(tensor, pipeline, expert, nodes, 1);
    }

    public int gpus() {
        return tensor * dataParallel * pipeline;
    }

    /** The layout as {@link #parse} reads it: tp8, tp8pp2, ep72dp72, tp2dp4ep8. */
    public String label() {
        StringBuilder b = new StringBuilder();
        if (dataParallel > 1 && expert > 1) {
            if (tensor > 1) b.append("tp").append(tensor);
            b.append("ep").append(expert).append("dp").append(dataParallel);
        } else {
            b.append("tp").append(tensor);
            if (dataParallel > 1) b.append("dp").append(dataParallel);
        }
        if (pipeline > 1) b.append("pp").append(pipeline);
        return b.toString();
    }

    /**
     * The degrees a layout string asks for, before the planner checks them against a model and a
     * device: terms tpN, ppN, epN, dpN in any order, each at most once. Missing degrees: tp 1, pp 1,
     * dp = ep / tp when ep is given, else 1. The expert degree of a MoE layout is always tp x dp;
     * nodes are filled in by the planner (0 here).
     *
     * @throws IllegalArgumentException naming the option, the term and what is allowed
     */
    public static Parallelism parse(String layout) {
        String s = layout == null ? "" : layout.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) throw new IllegalArgumentException("layout: empty; give terms like tp8, tp8pp2, ep72dp72");
        int tp = 0, pp = 0, ep = 0, dp = 0;
        Matcher m = TERM.matcher(s);
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("layout: cannot read '" + s.substring(at) + "' in '" + layout
                    + "'; allowed terms are tpN, ppN, epN, dpN (e.g. tp8, tp8pp2, ep72dp72)");
            }
            int n = Integer.parseInt(m.group(2));
            if (n < 1) throw new IllegalArgumentException("layout: " + m.group() + " must be at least 1");
            String k = m.group(1);
            int before = switch (k) { case "tp" -> tp; case "pp" -> pp; case "ep" -> ep; default -> dp; };
            if (before != 0) throw new IllegalArgumentException("layout: " + k + " given twice in '" + layout + "'");
            switch (k) {
                case "tp" -> tp = n;
                case "pp" -> pp = n;
                case "ep" -> ep = n;
                default -> dp = n;
            }
            at = m.end();
        }
        if (tp == 0) tp = 1;
        if (pp == 0) pp = 1;
        if (dp == 0) {
            if (ep > 0 && ep % tp != 0) {
                throw new IllegalArgumentException("layout: ep" + ep + " is not a multiple of tp" + tp + " in '" + layout + "'");
            }
            dp = ep > 0 ? ep / tp : 1;
        }
        if (ep > 0 && ep != tp * dp) {
            throw new IllegalArgumentException("layout: ep must be tp x dp (the experts spread over every device of a stage), was ep"
                + ep + " with tp" + tp + " dp" + dp + " in '" + layout + "'");
        }
        if ((long) tp * dp * pp > 65_536) throw new IllegalArgumentException("layout: more than 65536 devices in '" + layout + "'");
        return new Parallelism(tp, pp, ep > 0 ? ep : tp * dp, 0, dp);
    }
}
