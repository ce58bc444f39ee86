package io.vocmonitor.survey.security;

import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the ingest path needs to know about keys and organisations, kept in memory for a few seconds: a
 * request costs no database work, and a database outage does not stop ingest, because known entries are used
 * past their freshness while the database does not answer. Changes made through this instance are seen at
 * once; other instances see them within the freshness period.
 */
@ApplicationScoped
public class Directory {

    /** What ingest needs of an organisation. */
    public record OrganisationInfo(String id, boolean active, boolean pseudonymiseRespondentRefs) {
    }

    /** An active key: whose it is and what it may do. */
    public record KeyInfo(String keyHash, String organisationId, KeyScope scope) {
    }

    private record Cached<T>(Optional<T> value, long loadedAt) {
    }

    /** After a failed load the database is left alone this long: requests use what is known, or fail at once. */
    private static final long RETRY_AFTER_FAILURE = Duration.ofSeconds(2).toNanos();

    private final SurveyConfig.Directory settings;
    private volatile long databaseAvoidedUntil = System.nanoTime();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Map<String, Cached<KeyInfo>> keys = new ConcurrentHashMap<>();
    private final Map<String, Cached<OrganisationInfo>> organisations = new ConcurrentHashMap<>();

    private final DirectoryLoader loader;

    public Directory(SurveyConfig config, DirectoryLoader loader) {
        this.settings = config.directory();
        this.loader = loader;
    }

    /** The active key with that hash, if there is one. */
    public Optional<KeyInfo> key(String keyHash) {
        return lookup(keys, keyHash, () -> loader.key(keyHash));
    }

    public Optional<OrganisationInfo> organisation(String id) {
        return lookup(organisations, id, () -> loader.organisation(id));
    }

    /**
     * Whether the organisation, and the key with that hash unless it is null, are known and fresh: then a
     * request needs no database work and can be decided where it arrived.
     */
    public boolean holdsFresh(String organisationId, String keyHash) {
        long now = System.nanoTime();
        if (!fresh(organisations.get(organisationId), now)) {
            return false;
        }
        if (keyHash == null) {
            return true;
        }
        Cached<KeyInfo> key = keys.get(keyHash);
        return fresh(key, now) && key.value().map(k -> fresh(organisations.get(k.organisationId()), now)).orElse(false);
    }

    private boolean fresh(Cached<?> cached, long now) {
        return cached != null && now - cached.loadedAt() < settings.freshFor().toNanos();
    }

    /** Forgets what is known of the organisation and its keys, after a change to them. */
    public void forget(String organisationId) {
        organisations.remove(organisationId);
        keys.values().removeIf(entry -> entry.value().map(k -> k.organisationId().equals(organisationId)).orElse(true));
    }

    private <T> Optional<T> lookup(Map<String, Cached<T>> cache, String id, Supplier<Optional<T>> load) {
        long now = System.nanoTime();
        Cached<T> cached = cache.get(id);
        if (fresh(cached, now)) {
            return cached.value();
        }
        boolean avoided = now - databaseAvoidedUntil < 0;
        if (cached != null && (avoided || !refreshing.compareAndSet(false, true))) {
            // one thread refreshes; the others, and all of them just after a failure, use what is known
            return usable(cached, now);
        }
        if (cached == null && avoided) {
            throw ProblemException.databaseUnavailable();
        }
        try {
            Optional<T> value = load.get();
            if (value.isPresent()) {
                cache.put(id, new Cached<>(value, now));
            } else {
                // unknown ids are not remembered: a key issued by another instance must work at once
                cache.remove(id);
            }
            return value;
        } catch (RuntimeException e) {
            if (!isDatabaseFailure(e)) {
                throw e;
            }
            databaseAvoidedUntil = System.nanoTime() + RETRY_AFTER_FAILURE;
            return usable(cached, now);
        } finally {
            if (cached != null) {
                refreshing.set(false);
            }
        }
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** A known entry while the database does not answer, if it is not too old; 503 otherwise. */
    private <T> Optional<T> usable(Cached<T> cached, long now) {
        if (cached != null && now - cached.loadedAt() < settings.usableFor().toNanos()) {
            return cached.value();
        }
        throw ProblemException.databaseUnavailable();
    }
}
