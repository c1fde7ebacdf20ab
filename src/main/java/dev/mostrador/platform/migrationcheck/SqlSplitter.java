package dev.mostrador.platform.migrationcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements the way the server reads it: a semicolon ends a statement
 * only outside comments (nested block comments too), quoted strings and identifiers, dollar-quoted bodies
 * ({@code $$ ... $$}, {@code $body$ ... $body$}) and SQL-standard {@code BEGIN ATOMIC ... END} bodies.
 * No SQL parser resolves from our registry that reads PostgreSQL DDL well; the rules need tokens, not a tree.
 */
public final class SqlSplitter {
    private final String sql;
    private int pos;
    private int line = 1;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<String> pendingComments = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private int startLine = -1;
    private int atomicDepth;
    private int tokenLine = 1;
    private String lastWord = "";

    private SqlSplitter(String sql) {
        this.sql = sql;
    }

    public static List<SqlStatement> split(String sql) {
        SqlSplitter splitter = new SqlSplitter(sql);
        splitter.run();
        return splitter.statements;
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            tokenLine = line;
            if (c == '-' && peek(1) == '-') {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                boolean escapes = escapeString();
                quoted('\'', escapes);
                emit("'?'");
            } else if (c == '"') {
                int start = pos;
                quoted('"', false);
                emitWord(sql.substring(start + 1, pos - 1).replace("\"\"", "\"").replace(' ', '_').toUpperCase(Locale.ROOT));
            } else if (c == '$' && dollarTag() != null) {
                dollarQuoted(dollarTag());
                emit("$$?$$");
            } else if (c == ';' && atomicDepth == 0) {
                pos++;
                finishStatement();
            } else if (Character.isWhitespace(c)) {
                if (c == '\n') line++;
                pos++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$') {
                int start = pos;
                while (pos < sql.length() && isWordChar(sql.charAt(pos))) pos++;
                emitWord(sql.substring(start, pos).toUpperCase(Locale.ROOT));
            } else {
                pos++;
                emit(punctuation(c));
            }
        }
        finishStatement();
    }

    private String punctuation(char c) {
        // Operators of two characters stay one token (::, <>, >=, <=, !=, ||).
        char next = peek(0);
        String two = "" + c + next;
        if (two.equals("::") || two.equals("<>") || two.equals(">=") || two.equals("<=") || two.equals("!=") || two.equals("||")) {
            pos++;
            return two;
        }
        return String.valueOf(c);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    /** E'...' reads backslash escapes: its "E" was taken for a word, which is taken back here. */
    private boolean escapeString() {
        boolean prefixed = pos >= 1 && (sql.charAt(pos - 1) == 'E' || sql.charAt(pos - 1) == 'e')
                && (pos == 1 || !isWordChar(sql.charAt(pos - 2)));
        if (prefixed && lastWord.equals("E")) {
            current.setLength(Math.max(0, current.length() - 2));
            if (current.length() == 0) startLine = -1;
        }
        return prefixed;
    }

    private void emitWord(String word) {
        // BEGIN ATOMIC ... END holds semicolons; CASE ... END nests inside it.
        if (word.equals("ATOMIC") && lastWord.equals("BEGIN")) atomicDepth++;
        else if (atomicDepth > 0 && word.equals("CASE")) atomicDepth++;
        else if (atomicDepth > 0 && word.equals("END")) atomicDepth--;
        lastWord = word;
        append(word);
    }

    private void emit(String token) {
        lastWord = "";
        append(token);
    }

    private void append(String token) {
        if (startLine < 0) startLine = tokenLine;
        if (current.length() > 0) current.append(' ');
        current.append(token);
    }

    private void finishStatement() {
        String text = current.toString().trim();
        if (!text.isEmpty()) {
            statements.add(new SqlStatement(statements.size() + 1, startLine, text, List.copyOf(pendingComments)));
        }
        pendingComments.clear();
        current = new StringBuilder();
        startLine = -1;
        atomicDepth = 0;
        lastWord = "";
    }

    private void lineComment() {
        int start = pos + 2;
        while (pos < sql.length() && sql.charAt(pos) != '\n') pos++;
        if (current.length() == 0) pendingComments.add(sql.substring(start, pos).trim());
    }

    private void blockComment() {
        int depth = 0;
        do {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                if (sql.charAt(pos) == '\n') line++;
                pos++;
            }
        } while (depth > 0 && pos < sql.length());
    }

    private void quoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') line++;
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == quote) {
                if (peek(0) == quote) pos++;
                else return;
            }
        }
    }

    /** The tag of a dollar quote starting here ("$$" or "$body$"), or null when this $ is a parameter. */
    private String dollarTag() {
        if (pos > 0 && isWordChar(sql.charAt(pos - 1))) return null;
        int end = pos + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) end++;
        if (end >= sql.length() || sql.charAt(end) != '$') return null;
        String tag = sql.substring(pos, end + 1);
        return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }

    private void dollarQuoted(String tag) {
        int close = sql.indexOf(tag, pos + tag.length());
        int end = close < 0 ? sql.length() : close + tag.length();
        for (int i = pos; i < end; i++) if (sql.charAt(i) == '\n') line++;
        pos = end;
    }

    private char peek(int ahead) {
        return pos + ahead < sql.length() ? sql.charAt(pos + ahead) : '\0';
    }
}
