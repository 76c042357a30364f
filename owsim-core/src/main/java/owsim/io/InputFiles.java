package owsim.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's input file as UTF-8 text; a missing or unreadable file is an {@link InputException} naming it. */
public final class InputFiles {
    private InputFiles() {}

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage());
        }
    }
}
