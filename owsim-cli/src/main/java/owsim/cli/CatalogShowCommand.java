package owsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.CatalogWriter;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import owsim.io.InputException;
import owsim.io.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim catalog show ID}: one model or accelerator, every field, derived numbers and sources. */
@Command(name = "show", description = "Show one model or accelerator: all fields, derived parameter counts, sources.")
final class CatalogShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    @Parameters(paramLabel = "ID", description = "A model or accelerator id (see 'owsim catalog list').")
    String id;

    @Override public Integer call() {
        Catalog c = catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        ModelSpec model = c.models().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
        AcceleratorSpec device = c.accelerators().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (model == null && device == null) {
            List<String> ids = new ArrayList<>();
            c.models().forEach(m -> ids.add(m.id()));
            c.accelerators().forEach(a -> ids.add(a.id()));
            throw InputException.ofField("ID", "no model or accelerator '" + id + "'; closest: "
                + String.join(", ", Suggest.closest(id, ids, 4)) + " (see 'owsim catalog list')");
        }
        CatalogWriter writer = new CatalogWriter();
        if (format.json()) {
            format.printJson(json(writer, model, device));
            return Main.EXIT_OK;
        }
        if (model != null) {
            out.println("# model " + model.id());
            out.print(writer.entryToYaml(model));
            printDerived(model, out);
        }
        if (device != null) {
            if (model != null) out.println();
            out.println("# accelerator " + device.id());
            out.print(writer.entryToYaml(device));
            printDerived(device, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** The entries as their catalog YAML has them, each with a "derived" object of the numbers the table derives. */
    private static ObjectNode json(CatalogWriter writer, ModelSpec model, AcceleratorSpec device) {
        ObjectMapper yaml = new YAMLMapper();
        ObjectNode root = yaml.createObjectNode();
        try {
            if (model != null) {
                ObjectNode m = (ObjectNode) yaml.readTree(writer.entryToYaml(model));
                ParameterCount p = ParameterCount.of(model);
                ObjectNode d = m.putObject("derived");
                d.put("totalParams", p.total());
                d.put("activeParams", p.active());
                if (model.published() != null) d.put("activeParamsAsPublished", p.active(model.published().activeIncludes()));
                d.put("nonEmbeddingParams", p.nonEmbedding());
                ObjectNode parts = d.putObject("parts");
                parts.put("embedding", p.embedding());
                parts.put("unembedding", p.unembedding());
                parts.put("attention", p.attention());
                parts.put("denseFfn", p.denseFfn());
                parts.put("routedExperts", p.routedExperts());
                parts.put("activeRoutedExperts", p.activeRoutedExperts());
                parts.put("sharedExperts", p.sharedExperts());
                parts.put("routers", p.routers());
                parts.put("norms", p.norms());
                d.put("nativeWeightBytes", p.nativeWeightBytes(model));
                root.set("model", m);
            }
            if (device != null) {
                ObjectNode a = (ObjectNode) yaml.readTree(writer.entryToYaml(device));
                ObjectNode d = a.putObject("derived");
                d.put("bf16FlopsPerByte", device.bf16Tflops() * 1e12 / device.memoryBandwidthBytesPerSecond());
                d.put("nodeMemoryGB", device.memoryGB() * device.devicesPerNode());
                d.put("rentable", device.rentable());
                root.set("accelerator", a);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back the catalog entry: " + e.getOriginalMessage(), e);
        }
        return root;
    }

    private static void printDerived(ModelSpec m, PrintWriter out) {
        ParameterCount p = ParameterCount.of(m);
        out.println("# derived (ParameterCount)");
        out.println("derived:");
        out.println("  totalParams: " + p.total() + compare(p.total(), m.published() == null ? 0 : m.published().totalParams()));
        out.println("  activeParams: " + p.active() + "  # both embedding matrices counted");
        if (m.published() != null) {
            String convention = m.published().activeIncludes();
            long asPublished = p.active(convention);
            out.println("  activeParamsAsPublished: " + asPublished + "  # embeddings counted: " + convention
                + compare(asPublished, m.published().activeParams()).replace("  # ", "; "));
        }
        out.println("  nonEmbeddingParams: " + p.nonEmbedding());
        out.println("  parts:");
        out.println("    embedding: " + p.embedding());
        out.println("    unembedding: " + p.unembedding());
        out.println("    attention: " + p.attention());
        out.println("    denseFfn: " + p.denseFfn());
        out.println("    routedExperts: " + p.routedExperts());
        out.println("    activeRoutedExperts: " + p.activeRoutedExperts());
        out.println("    sharedExperts: " + p.sharedExperts());
        out.println("    routers: " + p.routers());
        out.println("    norms: " + p.norms());
        out.println("  nativeWeightGiB: " + CatalogFormat.gib(p.nativeWeightBytes(m)) + "  # " + CatalogFormat.weights(m));
    }

    private static String compare(long computed, double published) {
        if (published <= 0) return "";
        return String.format(Locale.ROOT, "  # %s; published %s (%+.1f%%)", CatalogFormat.params(computed),
            CatalogFormat.params(published), 100 * (computed / published - 1));
    }

    private static void printDerived(AcceleratorSpec a, PrintWriter out) {
        out.println("# derived");
        out.println("derived:");
        out.println(String.format(Locale.ROOT, "  bf16FlopsPerByte: %.0f  # ridge point: above this arithmetic intensity a BF16 kernel is compute-bound",
            a.bf16Tflops() * 1e12 / a.memoryBandwidthBytesPerSecond()));
        out.println("  memoryGiB: " + CatalogFormat.gib(a.memoryBytes()) + "  # memoryGB in 2^30 bytes, as 'cost serve' reports memory");
        out.println("  nodeMemoryGiB: " + CatalogFormat.gib(a.memoryBytes() * a.devicesPerNode()) + "  # " + a.devicesPerNode() + " per node");
        out.println("  rentable: " + a.rentable());
    }
}
