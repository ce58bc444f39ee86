package io.vocmonitor.survey.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.service.DatabaseUnavailable;
import io.vocmonitor.survey.service.OrganisationService.OrganisationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the ingest path needs to know about keys and organisations, kept in memory (Caffeine): a request whose
 * key and organisation are known costs no database work and is decided on the thread it arrived on. An entry
 * older than {@code voc.directory.fresh-for} (5 s) is still answered while it is reloaded in the background; one
 * that could not be reloaded for {@code voc.directory.usable-for} (10 min), because the database does not
 * answer, is dropped. A database outage thus does not stop ingest for known keys. Unknown ids are not
 * remembered, so a key issued by another instance works at once; changes made through this instance are seen
 * at once (they are forgotten when committed), other instances see them once their entry is reloaded.
 */
@ApplicationScoped
public class Directory {

    /** What ingest needs of an organisation. */
    public record OrganisationInfo(String id, boolean active, boolean pseudonymiseRespondentRefs) {
    }

    /** An active key: whose it is and what it may do. */
    public record KeyInfo(String keyHash, String organisationId, KeyScope scope) {
    }

    private final AsyncLoadingCache<String, KeyInfo> keys;
    private final AsyncLoadingCache<String, OrganisationInfo> organisations;

    public Directory(SurveyConfig config, DirectoryLoader loader) {
        SurveyConfig.Directory settings = config.directory();
        // loads run on the worker pool: they wait for the database, and the event loops must not
        this.keys = Caffeine.newBuilder()
                .refreshAfterWrite(settings.freshFor())
                .expireAfterWrite(settings.usableFor())
                .executor(Infrastructure.getDefaultWorkerPool())
                .buildAsync(loader::key);
        this.organisations = Caffeine.newBuilder()
                .refreshAfterWrite(settings.freshFor())
                .expireAfterWrite(settings.usableFor())
                .executor(Infrastructure.getDefaultWorkerPool())
                .buildAsync(loader::organisation);
    }

    /**
     * The active key with that hash, if there is one: at once when it is in memory, else once it is loaded, on a
     * worker thread. Fails with {@link DatabaseUnavailable} when it must be loaded and the database does not answer.
     */
    public Uni<Optional<KeyInfo>> key(String keyHash) {
        return lookup(keys.get(keyHash));
    }

    /** The organisation, if it exists; like {@link #key}. */
    public Uni<Optional<OrganisationInfo>> organisation(String id) {
        return lookup(organisations.get(id));
    }

    /** Forgets what is known of the organisation and its keys once a change to them is committed. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganisationChanged change) {
        forget(change.organisationId());
    }

    /** Forgets what is known of the organisation and its keys. */
    public void forget(String organisationId) {
        organisations.synchronous().invalidate(organisationId);
        keys.synchronous().asMap().values().removeIf(key -> key.organisationId().equals(organisationId));
    }

    private static <T> Uni<Optional<T>> lookup(CompletableFuture<T> entry) {
        CompletableFuture<Optional<T>> found = entry.handle((value, failure) -> {
            if (failure != null) {
                throw new CompletionException(new DatabaseUnavailable());
            }
            return Optional.ofNullable(value);
        });
        return Uni.createFrom().completionStage(found);
    }
}
