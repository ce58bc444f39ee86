package io.vocmonitor.survey;

/** What an organisation's API key may do: write responses (survey-service) or read scores (dashboard-service). */
public enum KeyScope {
    INGEST, READ
}
