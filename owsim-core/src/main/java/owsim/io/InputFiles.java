package owsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a user's input file as UTF-8 text; a missing, unreadable, oversized or non-UTF-8 file is
 * an {@link InputException} naming it. Every scenario, experiment, catalog, model config and csv
 * sample file is read here, so the size limit holds for all of them.
 */
public final class InputFiles {
    /**
     * Largest input file owsim reads: 8 MiB. The biggest real input (the bundled catalog) is under
     * 100 KiB; the limit keeps a wrong file (a disk image, a device that never ends) from costing
     * minutes and gigabytes before it is refused.
     */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private InputFiles() {}

    public static String read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new InputException(name, 0, 0, null, "is a directory, not a file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most one byte past the limit: a device or pipe that never ends stops here too.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new InputException(name, 0, 0, null, "cannot read: " + reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(name, 0, 0, null, "is larger than " + (MAX_BYTES >> 20) + " MiB, the limit for an input file");
        }
        return decode(name, bytes);
    }

    /** The bytes as UTF-8 text; a byte that is not UTF-8 is reported with its offset, line and column. */
    public static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') { line++; lineStart = i + 1; }
            }
            // The line's text before the bad byte is valid UTF-8: the column counts its characters.
            int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new InputException(name, line, column, null, String.format(
                "not UTF-8 text: byte 0x%02X at byte offset %d is not valid UTF-8 (save the file as UTF-8)", bytes[offset] & 0xff, offset));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
