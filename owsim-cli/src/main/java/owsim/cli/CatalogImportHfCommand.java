package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.catalog.CatalogWriter;
import owsim.catalog.HfConfigImport;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import owsim.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim catalog import-hf config.json}: a catalog entry from a Hugging Face config. */
@Command(name = "import-hf", description = {
    "Turn a Hugging Face config.json into a catalog entry (YAML) usable with --catalog FILE.",
    "Supported model types: llama, mistral, mixtral, qwen2, qwen3, qwen3_moe, deepseek_v2, deepseek_v3, kimi_k2, glm4_moe, gpt_oss, gemma3."})
final class CatalogImportHfCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    @Parameters(paramLabel = "CONFIG", description = "The model's config.json.")
    Path config;

    @Option(names = "--id", paramLabel = "ID", description = "Catalog id (default: the config's name, else its folder).")
    String id;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the YAML here instead of printing it.")
    Path outFile;

    @Override public Integer call() {
        ModelSpec m = HfConfigImport.fromFile(config, id);
        Catalog c = catalog.load();
        ParameterCount p = ParameterCount.of(m);
        boolean replaces = c.models().stream().anyMatch(x -> x.id().equals(m.id()));
        String header = "# Imported from " + config.getFileName() + ": " + CatalogFormat.params(p.total()) + " total, "
            + CatalogFormat.params(p.active()) + " active parameters (computed).\n"
            + "# Add developer, released, published counts and sources before sharing it.\n"
            + (replaces ? "# Its id '" + m.id() + "' replaces the catalog entry of that name when used with --catalog.\n" : "");
        String yaml = header + new CatalogWriter().toYaml(m);
        PrintWriter out = spec.commandLine().getOut();
        if (outFile != null) write(yaml);
        if (format.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", m.id());
            result.put("totalParams", p.total());
            result.put("activeParams", p.active());
            result.put("replacesCatalogEntry", replaces);
            result.put("file", outFile == null ? null : outFile.toString());
            result.put("yaml", yaml);
            format.printJson(result);
        } else if (outFile == null) {
            out.print(yaml);
        } else {
            out.println("wrote " + outFile + ": model '" + m.id() + "', " + CatalogFormat.params(p.total()) + " total, "
                + CatalogFormat.params(p.active()) + " active; use it with --catalog " + outFile);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private void write(String yaml) {
        try {
            Files.writeString(outFile, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.ofField("--out", "cannot write " + outFile + ": " + e.getMessage());
        }
    }
}
