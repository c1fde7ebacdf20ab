package dev.mostrador.platform.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes an entry's bytes through while taking their SHA-256 and counting its rows: COPY's text
 * format ends every row with a newline and escapes the newlines inside values, so lines are rows.
 * Closing it leaves the stream below open (the zip goes on with its next entry).
 */
final class EntryHash extends FilterOutputStream {
    private final MessageDigest sha256;
    private long rows;

    EntryHash(OutputStream out) {
        super(out);
        this.sha256 = newSha256();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        if (b == '\n') rows++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        for (int i = off; i < off + len; i++) if (b[i] == '\n') rows++;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long rows() {
        return rows;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
