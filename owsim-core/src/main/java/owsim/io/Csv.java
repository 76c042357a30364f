package owsim.io;

/** CSV as the project writes it: RFC 4180 fields, quoted only when they must be. */
public final class Csv {
    private Csv() {}

    /** A field, quoted only when it holds a comma, a double quote or a line break (RFC 4180); null is empty. */
    public static String field(String s) {
        if (s == null) return "";
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
