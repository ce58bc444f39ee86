package io.vocmonitor.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server from the binaries on Maven Central, for machines without one. Its data
 * stays in DATA_DIR between runs; it stops cleanly when this process is terminated.
 */
final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    static int run(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: embedded-postgres PORT DATA_DIR");
            return 2;
        }
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(args[0]))
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // the library's default favours test speed; a platform that promises no lost data commits durably
                .setServerConfig("synchronous_commit", "on")
                .start();
        System.out.println("embedded PostgreSQL ready on port " + postgres.getPort() + ", data in " + dataDir);
        CountDownLatch forever = new CountDownLatch(1);
        forever.await();
        return 0;
    }
}
