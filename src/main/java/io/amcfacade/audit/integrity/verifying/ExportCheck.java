package io.amcfacade.audit.integrity.verifying;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.amcfacade.audit.integrity.ExportChain;
import io.amcfacade.audit.integrity.SealPublicKey;

/**
 * Checks an exported CSV or NDJSON file offline with the seal public key alone
 * ({@code bin/audit-verify --export FILE --public-key KEY}): every line's hash link
 * ({@link ExportChain}), then the signed manifest (count, SHA-256 of every byte before it, the chain's
 * last value). Names the first line that does not match. Streams: a file of millions of lines is fine.
 */
public final class ExportCheck {

    private static final Pattern CSV_MANIFEST = Pattern.compile("#manifest,(\\d+),([0-9a-f]{64}),([0-9a-f]{64}),([^,]+),([0-9a-f]+)\\r?");
    private static final Pattern NDJSON_MANIFEST = Pattern.compile("\\{\"manifest\":\\{\"count\":(\\d+),\"sha256\":\"([0-9a-f]{64})\","
            + "\"chain\":\"([0-9a-f]{64})\",\"keyId\":\"([^\"]+)\",\"signature\":\"([0-9a-f]+)\"}}");
    private static final Pattern CSV_HASH = Pattern.compile(",([0-9a-f]{32})\\r?$");
    private static final Pattern NDJSON_HASH = Pattern.compile(",\"lineHash\":\"([0-9a-f]{32})\"}$");
    /** The seals' verdict the export signed into each line, just before its hash (no comma or quote in it). */
    private static final Pattern CSV_MARK = Pattern.compile(",((?:REJECTED|SEAL_INVALID)[^,\"]*),[0-9a-f]{32}\r?$");
    private static final Pattern NDJSON_MARK = Pattern.compile("\"integrity\":\"((?:REJECTED|SEAL_INVALID)[^\"]*)\",\"lineHash\"");
    private static final Pattern CSV_UNSEALED = Pattern.compile(",UNSEALED,[0-9a-f]{32}\r?$");
    private static final Pattern NDJSON_UNSEALED = Pattern.compile("\"integrity\":\"UNSEALED\",\"lineHash\"");

    /** The first thing in the file that does not match, or null. */
    public record Finding(long line, String detail) {
    }

    /**
     * What an authentic file says about the trail: the actions the seals reject (forged, replayed,
     * back-dated, wrongly timed, or under a seal that does not verify), signed into their lines by the
     * export, and how many were not sealed yet when it was made.
     */
    public record Marks(long rejected, long firstLine, String first, long unsealed) {
    }

    /** The file's first problem (null when intact) and, for an intact file, the actions it marks. */
    public record Result(Finding finding, Marks marks) {
    }

    private ExportCheck() {
    }

    static int run(Path file, SealPublicKey publicKey, PrintStream out) throws IOException {
        Result result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            result = checkWithMarks(in, publicKey);
        }
        Finding finding = result.finding();
        if (finding != null) {
            out.printf("NOT INTACT: line %d: %s%n", finding.line(), finding.detail());
            return 1;
        }
        Marks marks = result.marks();
        if (marks.rejected() > 0) {
            out.printf("FILE INTACT, TRAIL NOT: %s: %d action(s) the seals reject; the first at line %d: %s%n", file,
                    marks.rejected(), marks.firstLine(), marks.first());
            return 1;
        }
        out.println("INTACT: " + file + (marks.unsealed() == 0 ? ""
                : " (" + marks.unsealed() + " action(s) not yet sealed when it was exported)"));
        return 0;
    }

    public static Finding check(InputStream in, SealPublicKey publicKey) throws IOException {
        return checkWithMarks(in, publicKey).finding();
    }

    /** Checks the file and collects the actions its signed lines mark. */
    public static Result checkWithMarks(InputStream in, SealPublicKey publicKey) throws IOException {
        long[] marked = new long[3]; // rejected, first line, unsealed
        String[] first = new String[1];
        MessageDigest sha256 = sha256();
        ExportChain chain = new ExportChain();
        byte[] previous = null;
        long number = 0;
        long rows = 0;
        boolean csv = true;
        for (byte[] line = nextLine(in); line != null; line = nextLine(in)) {
            number++;
            if (previous != null) {
                sha256.update(previous);
                boolean header = number - 1 == 1 && csv && !startsWith(previous, '{');
                if (!header) {
                    rows++;
                    String problem = link(previous, csv, chain);
                    if (problem != null) {
                        return new Result(new Finding(number - 1, problem), null);
                    }
                    mark(text(previous), csv, number - 1, marked, first);
                }
            } else {
                csv = !startsWith(line, '{');
            }
            previous = line;
        }
        if (previous == null) {
            return new Result(new Finding(1, "The file is empty."), null);
        }
        Finding finding = manifest(text(previous), csv, number, rows, HexFormat.of().formatHex(sha256.digest()), chain.head(),
                publicKey);
        return new Result(finding, finding != null ? null : new Marks(marked[0], marked[1], first[0], marked[2]));
    }

    private static void mark(String line, boolean csv, long number, long[] marked, String[] first) {
        Matcher mark = (csv ? CSV_MARK : NDJSON_MARK).matcher(line);
        if (mark.find()) {
            if (marked[0]++ == 0) {
                marked[1] = number;
                first[0] = mark.group(1);
            }
        } else if ((csv ? CSV_UNSEALED : NDJSON_UNSEALED).matcher(line).find()) {
            marked[2]++;
        }
    }

    /** @return why the line does not continue the chain, or null */
    private static String link(byte[] raw, boolean csv, ExportChain chain) {
        String text = text(raw);
        Matcher hash = (csv ? CSV_HASH : NDJSON_HASH).matcher(text);
        if (!hash.find()) {
            return "It carries no line hash: it was not written by the export (or its end was changed).";
        }
        byte[] content = text.substring(0, hash.start()).getBytes(StandardCharsets.UTF_8);
        String expected = chain.next(content, content.length);
        return expected.equals(hash.group(1)) ? null
                : "It does not match its line hash: it was changed, inserted, or the line before it was removed.";
    }

    private static Finding manifest(String text, boolean csv, long number, long rows, String sha256, String chain,
            SealPublicKey publicKey) {
        Matcher m = (csv ? CSV_MANIFEST : NDJSON_MANIFEST).matcher(text);
        if (!m.matches()) {
            return finding(number, "The last line is not a signed manifest: the file was cut short or its manifest replaced.");
        }
        long count = Long.parseLong(m.group(1));
        if (!publicKey.id().equals(m.group(4)) || !publicKey.verifies(ExportChain.signed(count, m.group(2), m.group(3)), m.group(5))) {
            return finding(number, "The manifest's signature does not verify with " + publicKey.id() + ".");
        }
        if (count != rows) {
            return finding(number, "The manifest says " + count + " lines; the file has " + rows + ": lines were added or removed.");
        }
        if (!m.group(3).equals(chain)) {
            return finding(number, "The lines' hashes were recomputed after export: they do not end in the signed chain value.");
        }
        if (!m.group(2).equals(sha256)) {
            return finding(csv ? 1 : number, csv ? "The header was changed." : "Bytes between the lines were changed.");
        }
        return null;
    }

    private static Finding finding(long line, String detail) {
        return new Finding(line, detail);
    }

    /** The next line, terminator included; a line break inside a quoted CSV cell does not end it. */
    private static byte[] nextLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean quoted = false;
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    /** The line without its terminator. */
    private static String text(byte[] raw) {
        int end = raw.length;
        if (end > 0 && raw[end - 1] == '\n') {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] line, char c) {
        return line.length > 0 && line[0] == c;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
