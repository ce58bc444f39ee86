package io.vocmonitor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker and a private PostgreSQL database for one service's tests.
 *
 * <p>Init args: {@code role} — the database role the service connects as (e.g. {@code voc_survey});
 * {@code views-for-readers} — {@code true} for a reader of other services' data (the dashboard): stand-ins of the
 * views the owners publish for it are created, for the tests to fill ({@link TestDatabase#createViewsForReaders}).
 *
 * <p>Besides the service's own settings it publishes {@code test.kafka}, {@code test.jdbc-url} and
 * {@code test.superuser} for tests that look at the broker or the database directly.
 */
public class VocInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** The admin token the services are started with in tests. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    /** The secret the survey-service pseudonymises respondent references with in tests. */
    public static final String PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef0123";

    private String role;
    private boolean viewsForReaders;
    private EmbeddedKafka kafka;
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.getOrDefault("role", "postgres");
        viewsForReaders = Boolean.parseBoolean(initArgs.getOrDefault("views-for-readers", "false"));
    }

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        database = TestDatabase.create(role);
        if (viewsForReaders) {
            database.createViewsForReaders();
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", "");
        if (!role.equals("voc_scoring")) {
            // the scoring-service has no API, hence no admin token
            config.put("voc.admin-token", ADMIN_TOKEN);
        }
        if (role.equals("voc_survey")) {
            config.put("voc.privacy.pseudonym-key", PSEUDONYM_KEY);
        }
        config.put("test.kafka", kafka.bootstrapServers());
        config.put("test.jdbc-url", database.jdbcUrl());
        config.put("test.superuser", database.superuser());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
