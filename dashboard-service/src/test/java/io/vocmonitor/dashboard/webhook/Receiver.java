package io.vocmonitor.dashboard.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on this machine (127.0.0.1, a free port), for the tests: it keeps every request it gets and
 * answers each path as a test scripted it — a status, or a pause longer than the sender waits. It is the one address
 * the allow-list names; the webhook settings that go with it (plain http, short retries) are its configuration.
 */
public class Receiver implements QuarkusTestResourceLifecycleManager {

    /** A request as it arrived. */
    public record Received(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    /** What the receiver does with the next request to a path: answer with the status after a pause. */
    public record Reply(int status, long delayMillis) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, ConcurrentLinkedDeque<Reply>> SCRIPT = new ConcurrentHashMap<>();
    private static HttpServer server;

    /** Replies to the coming requests to the path, in order; after them, 200. */
    static void script(String path, Reply... replies) {
        SCRIPT.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    static List<Received> at(String path) {
        List<Received> found = new ArrayList<>();
        for (Received received : RECEIVED) {
            if (received.path().equals(path)) {
                found.add(received);
            }
        }
        return found;
    }

    static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(path, headers, body));
            ConcurrentLinkedDeque<Reply> replies = SCRIPT.get(path);
            Reply reply = replies == null ? null : replies.poll();
            if (reply != null && reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("received " + path).getBytes(StandardCharsets.UTF_8);
            if (reply != null && reply.status() >= 300 && reply.status() < 400) {
                // a redirect to another path of this receiver: a sender that followed it would show up there
                exchange.getResponseHeaders().add("Location", base() + "/hooks/redirected");
            }
            exchange.sendResponseHeaders(reply == null ? 200 : reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of(
                "voc.webhook.allow-http", "true",
                "voc.webhook.allowed-hosts", "127.0.0.1:" + server.getAddress().getPort(),
                "voc.webhook.secret-key", "test-webhook-secret-key-0123456789abcdef",
                "voc.webhook.max-per-organisation", "4",
                "voc.webhook.retry-base", "200ms",
                "voc.webhook.read-timeout", "1s",
                "voc.webhook.pause-after-failures", "3",
                "test.receiver", base());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
