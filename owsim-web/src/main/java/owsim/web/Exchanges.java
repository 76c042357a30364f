package owsim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading a request's body within its bound, and writing JSON, text and errors with the same headers everywhere. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** One line, for server-sent events. */
    static final ObjectMapper COMPACT = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Exchanges() {}

    /**
     * The body as UTF-8 text, or null if there is none; 413 if it is longer than {@code maxBytes}
     * (refused from its Content-Length before reading when it says so), 400 if it is not UTF-8.
     */
    static String body(HttpExchange ex, int maxBytes) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw BadRequest.field("Content-Length", "is not a number: '" + declared + "'");
            }
            if (n > maxBytes) {
                // Read (and drop) a body of moderate size so the client, still sending, gets the answer, not a reset.
                if (n <= DRAINED_BYTES) {
                    try (InputStream in = ex.getRequestBody()) {
                        byte[] drop = new byte[64 * 1024];
                        while (in.read(drop) >= 0) {
                            // dropped
                        }
                    }
                }
                throw tooLarge(maxBytes);
            }
        }
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) throw tooLarge(maxBytes);
        if (bytes.length == 0) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BadRequest.field("body", "is not UTF-8 text");
        }
    }

    /** Bodies up to this size are read and dropped before a 413; larger ones are cut off. */
    private static final long DRAINED_BYTES = 8L << 20;

    private static BadRequest tooLarge(int maxBytes) {
        return new BadRequest(413, Problem.ofField("body", "is larger than the server's limit of " + maxBytes + " bytes"));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void json(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, JSON_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        json(ex, status, JSON.writeValueAsString(value) + "\n");
    }

    /** {"error": ..., "field": ..., "line": ...}: the field and line only when known. */
    static void problem(HttpExchange ex, int status, Problem p) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status);
        o.put("error", p.error());
        if (p.field() != null) o.put("field", p.field());
        if (p.line() > 0) o.put("line", p.line());
        json(ex, status, o);
    }
}
