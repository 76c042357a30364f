package owsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code owsim catalog list}: every model and accelerator, one line each. */
@Command(name = "list", description = "List the models and accelerators of the catalog (bundled plus --catalog).")
final class CatalogListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Mixin FormatOption format;

    @Override public Integer call() throws Exception {
        Catalog c = catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) format.printJson(json(c));
        else table(c, out);
        out.flush();
        return Main.EXIT_OK;
    }

    private static void table(Catalog c, PrintWriter out) {
        List<String[]> models = new ArrayList<>();
        models.add(new String[] {"MODEL", "KIND", "TOTAL", "ACTIVE", "LAYERS", "CONTEXT", "WEIGHTS"});
        for (ModelSpec m : c.models()) {
            ParameterCount p = ParameterCount.of(m);
            models.add(new String[] {m.id(), m.isMoe() ? "moe" : "dense", CatalogFormat.params(p.total()),
                CatalogFormat.params(p.active()), Integer.toString(m.layers()), CatalogFormat.tokens(m.contextTokens()),
                CatalogFormat.weights(m)});
        }
        print(models, out);
        out.println();
        List<String[]> devices = new ArrayList<>();
        devices.add(new String[] {"ACCELERATOR", "KIND", "MEMORY GiB", "BANDWIDTH GB/s", "BF16 TFLOPS", "USD/HOUR"});
        for (AcceleratorSpec a : c.accelerators()) {
            devices.add(new String[] {a.id(), a.kind().toString(), CatalogFormat.gib(a.memoryBytes()),
                CatalogFormat.plain(a.memoryBandwidthGBps()), CatalogFormat.plain(a.bf16Tflops()),
                a.rentable() ? String.format(java.util.Locale.ROOT, "%.2f", a.rentalUsdPerHour()) : "-"});
        }
        print(devices, out);
        out.println();
        out.println("ACTIVE counts both embedding matrices; 'owsim catalog show ID' gives the published convention and sources.");
        out.println("MEMORY in GiB (2^30 bytes) as 'cost serve' reports it; the catalog's memoryGB is in 10^9 bytes, as vendors state it.");
    }

    private static void print(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) out.println(CatalogFormat.row(widths, r));
    }

    private static ObjectNode json(Catalog c) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (ModelSpec m : c.models()) {
            ParameterCount p = ParameterCount.of(m);
            ObjectNode n = models.addObject();
            n.put("id", m.id());
            n.put("name", m.name());
            n.put("kind", m.isMoe() ? "moe" : "dense");
            n.put("totalParams", p.total());
            n.put("activeParams", p.active());
            n.put("layers", m.layers());
            n.put("contextTokens", m.contextTokens());
            n.put("nativeWeights", m.nativeWeights().toString());
            n.put("nativeExpertWeights", m.nativeExpertWeights().toString());
        }
        ArrayNode devices = root.putArray("accelerators");
        for (AcceleratorSpec a : c.accelerators()) {
            ObjectNode n = devices.addObject();
            n.put("id", a.id());
            n.put("name", a.name());
            n.put("kind", a.kind().toString());
            n.put("memoryGB", a.memoryGB());
            n.put("memoryBandwidthGBps", a.memoryBandwidthGBps());
            n.put("bf16Tflops", a.bf16Tflops());
            n.put("rentalUsdPerHour", a.rentalUsdPerHour());
        }
        return root;
    }
}
