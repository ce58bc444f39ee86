package io.vocmonitor.survey.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes responses in: a refusal of the whole request (no access, a body that cannot be
 * read) counts as a rejected response in {@code voc_responses_rejected_total}, by its reason. The
 * {@link CallerFilter} marks such requests, so that {@link ProblemMapper} knows them whatever failed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Ingest {
}
