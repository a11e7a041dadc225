package io.mlconnector.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 POST from a chosen loopback address (127.0.0.2, …), so a test can play a
 * second client on another machine: the server sees that address as the request's source.
 */
public final class FromAddress {

    /** The status code and the whole raw answer, head and body. */
    public record Answer(int status, String raw) {
    }

    private FromAddress() {
    }

    public static Answer post(String from, String url, String contentType, String body, String... headers) {
        URI uri = URI.create(url);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getByName(uri.getHost()), uri.getPort(), InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(raw.substring(9, 12)), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
