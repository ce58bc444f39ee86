package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** The database did not answer and what the request needs is not known without it: a passing condition. */
public class DatabaseUnavailable extends Refusal {

    public DatabaseUnavailable() {
        super("the database is unavailable; nothing was stored, try again");
    }

    @Override
    public String reason() {
        return "database_unavailable";
    }
}
