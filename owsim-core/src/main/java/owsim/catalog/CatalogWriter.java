package owsim.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;

/** Writes catalog entries as YAML in the form {@link Catalog} reads back (for {@code --catalog FILE}). */
public final class CatalogWriter {
    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR))
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();

    /** A writer in the catalog's YAML style (no document marker, minimal quotes, one line per value). */
    public CatalogWriter() {}

    /** A catalog file holding these entries. */
    public String toYaml(CatalogFile file) {
        try {
            return yaml.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog file holding one model. */
    public String toYaml(ModelSpec model) {
        return toYaml(new CatalogFile(List.of(model), null));
    }

    /** One entry on its own (a model or an accelerator record), for display. */
    public String entryToYaml(Record entry) {
        try {
            return yaml.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
