package io.amcfacade.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

/** Sends bytes no HTTP client library would send (a NUL in a header) and answers what came back, as text. */
final class RawHttp {

    private RawHttp() {
    }

    static String exchange(String request) {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1)).text();
    }

    /**
     * Writes {@code request} as it is and reads until the server closes the connection. A server that refuses
     * an oversized request answers and closes before it has read it all; the write then fails, and what it
     * answered is still read.
     */
    static Answer exchange(byte[] request) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException closedWhileWriting) {
                // read what was answered before the close
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketException reset) {
                // a reset after the answer: keep what arrived
            }
            return new Answer(answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Raw HTTP exchange failed", e);
        }
    }

    /** What the server wrote back, read as UTF-8; empty if it closed without answering. */
    record Answer(String text) {

        /** The status code, or 0 when nothing came back. */
        int status() {
            return text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
        }

        /** The value of header {@code name}, or {@code null}. */
        String header(String name) {
            int end = head().length();
            for (String line : text.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        private String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
