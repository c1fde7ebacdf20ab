package dev.mostrador.platform.fuzz;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What is wrong with the answer to a bad request: no answer, a 5xx, or a Java exception or database error shown. */
final class AnswerCheck {
    /** A Java exception or stack frame, or a database error, in an answer. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b"
            + "|\\b[A-Z][A-Za-z0-9]*Exception\\b|\\bat [a-z][\\w$.]*\\([\\w$]+\\.java:\\d+\\)|\\bPSQL|\\bSQLState\\b");

    private AnswerCheck() {
    }

    /** Sends the request; null when the answer is fine, else what is wrong with it. */
    static String problem(FuzzCaller caller, FuzzRequest a) {
        HttpResponse<String> r;
        try {
            r = caller.sendOrThrow(a);
        } catch (IOException e) {
            return a.param() + " = " + label(a.value()) + " → no answer (" + e + ")";
        }
        if (r.statusCode() >= 500) return a.param() + " = " + label(a.value()) + " → " + r.statusCode();
        Matcher m = STACK_TRACE.matcher(r.body() == null ? "" : r.body());
        if (m.find()) return a.param() + " = " + label(a.value()) + " → " + r.statusCode() + " showing \"" + m.group() + "\"";
        return null;
    }

    /** A value as a failure names it: control characters escaped, long ones shortened. */
    static String label(String v) {
        if (v.length() > 40) return label(v.substring(0, 12)) + "…(" + v.length() + " chars)";
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
