package owsim.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;

/**
 * A calibration result as JSON: written by {@code owsim calibrate --out}, read back by the
 * documentation's staleness test. Doubles are written in their shortest exact form, so a result
 * read back equals the one written to the last bit.
 */
public final class CalibrationJson {
    private CalibrationJson() {}

    public static String write(CalibrationResult r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CalibrationResult read(Path file) {
        try {
            return StrictYaml.jsonMapper().readValue(InputFiles.read(file), CalibrationResult.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(file.toString(), 0, 0, null, "not a calibration result written by owsim calibrate --out: " + e.getOriginalMessage());
        }
    }
}
