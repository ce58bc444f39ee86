package io.vocmonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.ResponseContribution;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The performance tools behind {@code bench/perf.sh}, one per sub-command. Each prints progress to stderr and
 * ends with one line {@code RESULT key=value …} on stdout, which the script turns into its table.
 *
 * <pre>
 * register PREFIX COUNT                  organisations PREFIX-0001 … through the admin API (409 is fine)
 * record-size                            the mean size of an encoded ResponseSubmitted event
 * produce PREFIX ORGS RESPONSES DAYS     ResponseSubmitted events straight to voc.responses
 * await-applied TOTAL [TIMEOUT_S]        waits until the scoring-service has applied TOTAL more responses
 * copy-ceiling ROWS                      PostgreSQL's COPY rate for archive rows and for bucket rows
 * naive-consumer RECORDS                 a consumer doing one transaction per record, on voc.responses
 * naive-groupby PREFIX ORGS QUERIES      the scores computed by GROUP BY over the raw archive; checks the dashboard
 * freshness SECONDS                      202 → score change visible on the dashboard, probes 4 per second
 * await-caught-up [TIMEOUT_S]            waits until the scoring group has committed every record of voc.responses
 * leader ORGANISATION                    prints the broker id leading the organisation's partition of voc.responses
 * await-in-sync [TIMEOUT_S]              waits until no partition is under-replicated (after a broker restart)
 * </pre>
 */
public final class PerfTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = env("VOC_SURVEY_URL", "http://127.0.0.1:8081");
    private static final String SCORING = env("VOC_SCORING_URL", "http://127.0.0.1:8082");
    /** Every scoring instance, comma-separated in VOC_SCORING_URLS (bench/perf.sh sets it from ./voc's). */
    private static final List<String> SCORING_INSTANCES = List.of(env("VOC_SCORING_URLS", SCORING).split(","));
    private static final String DASHBOARD = env("VOC_DASHBOARD_URL", "http://127.0.0.1:8083");
    private static final String KAFKA = env("VOC_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    private static final String JDBC = env("VOC_BENCH_JDBC", "jdbc:postgresql://127.0.0.1:5432/voc");
    private static final String JDBC_USER = env("VOC_BENCH_JDBC_USER", "postgres");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    private PerfTools(String token) {
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: PerfTools COMMAND …, see the class comment");
        }
        PerfTools tools = new PerfTools(adminToken());
        switch (args[0]) {
            case "register" -> tools.register(args[1], Integer.parseInt(args[2]));
            case "record-size" -> recordSize();
            case "produce" -> produce(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "await-applied" -> tools.awaitApplied(Long.parseLong(args[1]),
                    args.length > 2 ? Integer.parseInt(args[2]) : 1800);
            case "copy-ceiling" -> copyCeiling(Integer.parseInt(args[1]));
            case "naive-consumer" -> naiveConsumer(Integer.parseInt(args[1]));
            case "naive-groupby" -> tools.naiveGroupBy(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "freshness" -> tools.freshness(Integer.parseInt(args[1]));
            case "await-caught-up" -> awaitCaughtUp(args.length > 1 ? Integer.parseInt(args[1]) : 600);
            case "leader" -> leader(args[1]);
            case "await-in-sync" -> awaitInSync(args.length > 1 ? Integer.parseInt(args[1]) : 300);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    // --- organisations -----------------------------------------------------------------------------------

    static String organisation(String prefix, int index) {
        return String.format("%s-%04d", prefix, index);
    }

    private void register(String prefix, int count) throws IOException, InterruptedException {
        int created = 0;
        for (int i = 1; i <= count; i++) {
            String body = JSON.writeValueAsString(Map.of("id", organisation(prefix, i), "name", "Benchmark " + i,
                    "sector", "SERVICES"));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(SURVEY + "/api/v1/organisations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                created++;
            } else if (answer.statusCode() != 409) {
                throw new IllegalStateException("registering " + organisation(prefix, i) + ": " + answer.body());
            }
        }
        System.out.printf("RESULT organisations=%d created=%d%n", count, created);
    }

    // --- the backlog ---------------------------------------------------------------------------------------

    private static void recordSize() {
        Responses responses = new Responses(7);
        Instant now = Instant.now();
        long bytes = 0;
        int samples = 10_000;
        for (int i = 0; i < samples; i++) {
            ResponseSubmitted response = responses.next(organisation("bench-drain", 1 + i % 1000), 365, now);
            bytes += EventCodec.encode(response).length();
        }
        System.out.printf("RESULT record_bytes=%d%n", bytes / samples);
    }

    /** Sends the events as the survey-service would (keyed by organisation), as fast as the producer takes them. */
    private static void produce(String prefix, int organisations, int count, int days) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Responses responses = new Responses(42);
        Instant now = Instant.now();
        LongAdder failed = new LongAdder();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String organisation = organisation(prefix, 1 + i % organisations);
                ResponseSubmitted response = responses.next(organisation, days, now);
                producer.send(new ProducerRecord<>(Topics.RESPONSES, organisation, EventCodec.encode(response)),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.increment();
                            }
                        });
                if ((i + 1) % 100_000 == 0) {
                    System.err.printf("  produced %,d of %,d%n", i + 1, count);
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failed.sum() > 0) {
            throw new IllegalStateException(failed.sum() + " records were not acknowledged");
        }
        System.out.printf("RESULT produced=%d seconds=%.1f per_second=%.0f%n", count, seconds, count / seconds);
    }

    /** Watches voc_responses_applied_total; the clock starts at the first response applied. */
    private void awaitApplied(long total, int timeoutSeconds) throws Exception {
        long base = -1;
        long firstAt = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            long applied;
            try {
                applied = appliedSoFar();
            } catch (IOException e) {
                Thread.sleep(200);
                continue; // the scoring-service is still starting
            }
            if (base < 0) {
                base = applied;
            }
            long done = applied - base;
            if (done > 0 && firstAt == 0) {
                firstAt = System.nanoTime();
            }
            if (done >= total) {
                double seconds = (System.nanoTime() - firstAt) / 1e9;
                System.out.printf("RESULT applied=%d seconds=%.1f per_second=%.0f%n", done, seconds, done / seconds);
                return;
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                System.err.printf("  applied %,d of %,d%n", done, total);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the scoring-service did not apply " + total + " responses in time");
    }

    /** The scoring-service's own count (a counter since its start): applied plus duplicates. */
    /** Responses applied (or found already applied) by every scoring instance together. */
    private long appliedSoFar() throws IOException, InterruptedException {
        double sum = 0;
        for (String instance : SCORING_INSTANCES) {
            for (String line : metrics(instance)) {
                if (line.startsWith("voc_responses_applied_total") || line.startsWith("voc_responses_duplicate_total")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return (long) sum;
    }

    /** An admin client of the platform's Kafka ({@code VOC_KAFKA_BOOTSTRAP}: one broker or the cluster). */
    private static org.apache.kafka.clients.admin.Admin admin() {
        Properties config = new Properties();
        config.put("bootstrap.servers", KAFKA);
        return org.apache.kafka.clients.admin.Admin.create(config);
    }

    /** Prints the broker id that leads the partition of voc.responses an organisation's records go to. */
    private static void leader(String organisationId) throws Exception {
        int partitions = Topics.LOCAL_PARTITIONS.get(Topics.RESPONSES);
        int partition = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                organisationId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        try (org.apache.kafka.clients.admin.Admin admin = admin()) {
            System.out.println(admin.describeTopics(List.of(Topics.RESPONSES)).allTopicNames().get()
                    .get(Topics.RESPONSES).partitions().get(partition).leader().id());
        }
    }

    /** Waits until every partition of every topic has all its replicas in sync again (after a broker restart). */
    private static void awaitInSync(int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (org.apache.kafka.clients.admin.Admin admin = admin()) {
            while (true) {
                long behind = admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values()
                        .stream().flatMap(topic -> topic.partitions().stream())
                        .filter(p -> p.isr().size() < p.replicas().size()).count();
                if (behind == 0) {
                    System.out.println("RESULT in-sync");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(behind + " partitions are still under-replicated");
                }
                Thread.sleep(500);
            }
        }
    }

    /** Waits until the voc-scoring group's committed offsets reach the end of every partition. */
    private static void awaitCaughtUp(int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (org.apache.kafka.clients.admin.Admin admin = admin()) {
            while (true) {
                var committed = admin.listConsumerGroupOffsets("voc-scoring").partitionsToOffsetAndMetadata().get();
                // every partition of the topic: one the group never committed on counts from 0
                var partitions = admin.describeTopics(List.of(Topics.RESPONSES)).allTopicNames().get()
                        .get(Topics.RESPONSES).partitions().stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(Topics.RESPONSES, p.partition())).toList();
                var latest = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(
                        p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                long lag = 0;
                for (var partition : partitions) {
                    var offset = committed.get(partition);
                    lag += latest.get(partition).offset() - (offset == null ? 0 : offset.offset());
                }
                if (lag == 0) {
                    System.out.println("RESULT lag=0");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the scoring group is still " + lag + " records behind");
                }
                System.err.printf("  scoring is %,d records behind%n", lag);
                Thread.sleep(2000);
            }
        }
    }

    private List<String> metrics(String instance) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body().lines().toList();
    }

    // --- ceilings ------------------------------------------------------------------------------------------

    /**
     * COPY into tables shaped like the archive and the buckets (with their primary keys), in a scratch schema: the
     * rate PostgreSQL takes the rows one response writes at, without any of our code.
     */
    private static void copyCeiling(int rows) throws Exception {
        Responses responses = new Responses(11);
        Instant now = Instant.now();
        StringBuilder archive = new StringBuilder();
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            ResponseSubmitted r = responses.next(organisation("bench-copy", 1 + i % 1000), 365, now);
            archive.append(r.responseId()).append('\t').append(r.organisationId()).append('\t')
                    .append(r.instrument()).append('\t').append(r.answeredAt()).append('\t').append(r.receivedAt())
                    .append('\t').append(now).append("\t\\N\t")
                    .append(EventCodec.encode(r).replace("\\", "\\\\")).append('\n');
            // one organisation per response keeps every bucket row new, as most are in a year of buckets
            buckets.append("bench-copy-").append(i).append('\t').append(r.instrument()).append('\t')
                    .append(r.answeredAt().toString(), 0, 10).append('\t').append(r.channel()).append('\t')
                    .append(r.touchpoint()).append('\t')
                    .append(bucketSums(r)).append('\n');
        }
        try (Connection c = DriverManager.getConnection(JDBC, JDBC_USER, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
                s.execute("DROP TABLE IF EXISTS bench.copy_response, bench.copy_bucket");
                s.execute("CREATE TABLE bench.copy_response (LIKE scoring.response INCLUDING ALL)");
                s.execute("CREATE TABLE bench.copy_bucket (LIKE scoring.bucket INCLUDING ALL)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            copy.copyIn("COPY bench.copy_response FROM STDIN", new StringReader(archive.toString()));
            double archiveSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            copy.copyIn("COPY bench.copy_bucket FROM STDIN", new StringReader(buckets.toString()));
            double bucketSeconds = (System.nanoTime() - started) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench.copy_response, bench.copy_bucket");
            }
            System.out.printf("RESULT archive_rows_per_second=%.0f bucket_rows_per_second=%.0f%n",
                    rows / archiveSeconds, rows / bucketSeconds);
        }
    }

    /** The sums one response adds to its bucket row, in PostgreSQL's text form of the row's array. */
    private static String bucketSums(ResponseSubmitted response) {
        return BucketLayout.toSql(BucketLayout.of(response.instrument()).encode(ResponseContribution.of(response)));
    }

    /**
     * The naive consumer: every record in its own transaction (ledger row, then the upsert of its bucket row), into
     * scratch tables shaped like ours, reading voc.responses from the start in a group of its own.
     */
    private static void naiveConsumer(int records) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-naive-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Connection c = DriverManager.getConnection(JDBC, JDBC_USER, "");
             KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
                s.execute("DROP TABLE IF EXISTS bench.naive_response, bench.naive_bucket");
                s.execute("CREATE TABLE bench.naive_response (LIKE scoring.response INCLUDING ALL)");
                s.execute("CREATE TABLE bench.naive_bucket (LIKE scoring.bucket INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            consumer.subscribe(List.of(Topics.RESPONSES));
            PreparedStatement ledger = c.prepareStatement("""
                    INSERT INTO bench.naive_response (response_id, organisation_id, instrument, answered_at, received_at, payload)
                    VALUES (?, ?, ?, ?::timestamptz, ?::timestamptz, ?::jsonb) ON CONFLICT DO NOTHING""");
            PreparedStatement bucket = c.prepareStatement("""
                    INSERT INTO bench.naive_bucket AS b VALUES (?, ?, ?::date, ?, ?, ?::bigint[])
                    ON CONFLICT (organisation_id, instrument, day, channel, touchpoint)
                    DO UPDATE SET sums = scoring.add_sums(b.sums, excluded.sums)""");
            int done = 0;
            long started = 0;
            while (done < records) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (done == records) {
                        break;
                    }
                    if (started == 0) {
                        started = System.nanoTime();
                    }
                    ResponseEvent event = EventCodec.decodeResponseEvent(record.value());
                    if (event instanceof ResponseSubmitted r) {
                        ledger.setObject(1, r.responseId());
                        ledger.setString(2, r.organisationId());
                        ledger.setString(3, r.instrument().name());
                        ledger.setString(4, r.answeredAt().toString());
                        ledger.setString(5, r.receivedAt().toString());
                        ledger.setString(6, record.value());
                        ledger.executeUpdate();
                        bucket.setString(1, r.organisationId());
                        bucket.setString(2, r.instrument().name());
                        bucket.setString(3, r.answeredAt().toString().substring(0, 10));
                        bucket.setString(4, r.channel().name());
                        bucket.setString(5, r.touchpoint() == null ? "" : r.touchpoint());
                        bucket.setString(6, bucketSums(r));
                        bucket.executeUpdate();
                    }
                    c.commit();
                    done++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench.naive_response, bench.naive_bucket");
            }
            System.out.printf("RESULT records=%d seconds=%.1f per_second=%.0f%n", done, seconds, done / seconds);
        }
    }

    // --- reads ---------------------------------------------------------------------------------------------

    private static final String NAIVE_SERVICEPROOF = """
            SELECT a.key, count(*), avg(a.value::int - 3), stddev_samp(a.value::int)
            FROM scoring.response r, jsonb_each_text(r.payload -> 'answers') a
            WHERE r.organisation_id = ? AND r.instrument = 'SERVICEPROOF' AND r.retracted_at IS NULL
            GROUP BY a.key""";

    /**
     * The naive design's answer to /serviceproof: a GROUP BY over the raw archive. Times QUERIES of them over
     * organisations of the prefix, and checks each answer against the dashboard's, which must agree exactly.
     */
    private void naiveGroupBy(String prefix, int organisations, int queries) throws Exception {
        long elapsed = 0;
        int checked = 0;
        try (Connection c = DriverManager.getConnection(JDBC, JDBC_USER, "");
             PreparedStatement s = c.prepareStatement(NAIVE_SERVICEPROOF)) {
            for (int q = 0; q < queries; q++) {
                String organisation = organisation(prefix, 1 + (q * 7919) % organisations);
                s.setString(1, organisation);
                long started = System.nanoTime();
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Object[] {r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4)});
                    }
                }
                elapsed += System.nanoTime() - started;
                JsonNode dashboard = get(DASHBOARD + "/api/v1/organisations/" + organisation + "/serviceproof");
                for (Object[] row : rows) {
                    JsonNode aspect = dashboard.path("aspects").path((String) row[0]);
                    if (aspect.path("n").asLong() != (long) row[1]
                            || Math.abs(aspect.path("mean").asDouble() - (double) row[2]) > 1e-9
                            || Math.abs(aspect.path("sd").asDouble() - (double) row[3]) > 1e-9) {
                        throw new IllegalStateException("the dashboard disagrees with the archive for " + organisation
                                + " " + row[0] + ": " + aspect + " vs n=" + row[1] + " mean=" + row[2] + " sd=" + row[3]);
                    }
                    checked++;
                }
                if (rows.isEmpty()) {
                    throw new IllegalStateException(organisation + " has no ServiceProof responses in the archive");
                }
            }
        }
        double seconds = elapsed / 1e9;
        System.out.printf("RESULT queries=%d per_second=%.2f mean_ms=%.1f aspects_checked=%d%n", queries,
                queries / seconds, seconds * 1000 / queries, checked);
    }

    // --- freshness -----------------------------------------------------------------------------------------

    /**
     * For SECONDS, four times a second, posts one response to a probe organisation and polls its /serviceproof
     * (If-None-Match, every 5 ms, as a dashboard would) until the score changes: the freshness as a dashboard
     * sees it. The load beside it comes from elsewhere (bench/perf.sh runs wrk).
     */
    private void freshness(int seconds) throws Exception {
        register("bench-fresh", 1);
        String probe = organisation("bench-fresh", 1);
        Responses probes = new Responses(100);
        List<Double> delays = new ArrayList<>();
        Map<Double, Double> before = freshnessHistogram();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String etag = serviceProofEtag(probe, null);
            ResponseSubmitted response;
            do {
                response = probes.next(probe, 1, Instant.now());
            } while (response.instrument() != Instrument.SERVICEPROOF);
            HttpResponse<String> answer = http.send(post(probe, response), HttpResponse.BodyHandlers.ofString());
            long accepted = System.nanoTime();
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("the probe was refused: " + answer.body());
            }
            while (serviceProofEtag(probe, etag) == null) {
                Thread.sleep(5);
                if (System.nanoTime() - accepted > 30e9) {
                    throw new IllegalStateException("the probe's response did not show in 30 s");
                }
            }
            delays.add((System.nanoTime() - accepted) / 1e6);
            Thread.sleep(250);
        }
        Map<Double, Double> after = freshnessHistogram();
        Collections.sort(delays);
        System.out.printf("RESULT probes=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f metric_p50_ms=%.0f metric_p99_ms=%.0f%n",
                delays.size(), percentile(delays, 50), percentile(delays, 99), delays.get(delays.size() - 1),
                quantile(before, after, 0.50) * 1000, quantile(before, after, 0.99) * 1000);
    }

    /** voc_scoring_freshness_seconds' cumulative buckets, added up over every scoring instance: upper bound → count. */
    private Map<Double, Double> freshnessHistogram() throws IOException, InterruptedException {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        for (String instance : SCORING_INSTANCES) {
            for (String line : metrics(instance)) {
                if (line.startsWith("voc_scoring_freshness_seconds_bucket{le=\"")) {
                    String bound = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
                    buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return buckets;
    }

    /** The upper bound of the bucket holding quantile q of what was observed between two scrapes. */
    private static double quantile(Map<Double, Double> before, Map<Double, Double> after, double q) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= q * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The ETag of the probe's /serviceproof; null while it still equals {@code previous} (304). */
    private String serviceProofEtag(String organisation, String previous) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(DASHBOARD + "/api/v1/organisations/" + organisation + "/serviceproof"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        if (previous != null) {
            request.header("If-None-Match", previous);
        }
        HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 304) {
            return null;
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the dashboard answered " + answer.statusCode());
        }
        return answer.headers().firstValue("ETag").orElseThrow();
    }

    private HttpRequest post(String organisation, ResponseSubmitted response) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("responseId", response.responseId().toString());
        body.put("instrument", response.instrument().name());
        body.put("answeredAt", response.answeredAt().toString());
        body.put("channel", response.channel().name());
        body.put("touchpoint", response.touchpoint());
        body.put("answers", response.answers());
        if (response.relationship() != null) {
            body.put("relationship", response.relationship().name());
            body.put("brandEffect", response.brandEffect());
        }
        body.put("recommend", response.recommend());
        body.put("effort", response.effort());
        body.put("satisfaction", response.satisfaction());
        try {
            return HttpRequest.newBuilder(URI.create(SURVEY + "/api/v1/organisations/" + organisation + "/responses"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The p-th percentile of sorted figures (nearest rank); NaN of none. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The admin token of ./voc up, from .voc/admin-token or the file VOC_ADMIN_TOKEN_FILE names. */
    static String adminToken() throws IOException {
        return Files.readString(Path.of(env("VOC_ADMIN_TOKEN_FILE", ".voc/admin-token"))).strip();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
