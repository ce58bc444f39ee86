package io.vocmonitor.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A relay on 127.0.0.1 to a server on this machine, which a test can cut, as an outage of that server would look to a
 * service that connects through it: every open connection is closed, and new ones are closed as soon as they are
 * made, until the relay is mended.
 */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket listening;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpRelay(ServerSocket listening, InetSocketAddress target) {
        this.listening = listening;
        this.target = target;
    }

    /** A relay to {@code 127.0.0.1:targetPort} on a free port of its own. */
    static TcpRelay to(int targetPort) throws IOException {
        ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpRelay relay = new TcpRelay(listening, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        Thread acceptor = new Thread(relay::accept, "relay-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    int port() {
        return listening.getLocalPort();
    }

    /** From now on, nothing gets through: open connections are closed, new ones closed at once. */
    void cut() {
        cut = true;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    void mend() {
        cut = false;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server;
                try {
                    server = new Socket(target.getAddress(), target.getPort());
                } catch (IOException refused) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(server);
                if (cut) { // cut meanwhile: this one does not get through either
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listening.close();
    }
}
