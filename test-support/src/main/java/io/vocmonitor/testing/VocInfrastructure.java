package io.vocmonitor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker and a private PostgreSQL database for one service's tests.
 *
 * <p>Init args: {@code role} — the database role the service connects as (e.g. {@code voc_survey});
 * {@code migrations} — other services' schemas to create first, as comma-separated
 * {@code schema:role:flyway-location} triples (the dashboard reads the tables of survey and scoring).
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
    private String migrations;
    private EmbeddedKafka kafka;
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.getOrDefault("role", "postgres");
        migrations = initArgs.getOrDefault("migrations", "");
    }

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        database = TestDatabase.create(role);
        for (String migration : migrations.split(",")) {
            if (!migration.isBlank()) {
                String[] parts = migration.trim().split(":", 3);
                database.migrate(parts[0], parts[1], parts[2]);
            }
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
