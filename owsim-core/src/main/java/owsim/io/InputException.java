package owsim.io;

/**
 * A mistake in something the user gave owsim (a file, an option): says where it is, which field,
 * and what is allowed. Thrown before anything is run or written.
 */
public final class InputException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String field;

    public InputException(String source, int line, int column, String field, String message) {
        super(format(source, line, column, field, message));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** An error about a named option or field with no file position (a command-line flag). */
    public static InputException ofField(String field, String message) {
        return new InputException(null, 0, 0, field, message);
    }

    private static String format(String source, int line, int column, String field, String message) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            sb.append(": ");
        }
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(message);
        return sb.toString();
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
    public String field() { return field; }
}
