package io.vocmonitor.survey;

/** The sector an organisation belongs to: the benchmark groups of the Service Excellence Scan (SPEC §5). */
public enum Sector {
    FINANCIALS, CONSULTANCY, SERVICES, BUSINESS_SERVICES, INDUSTRY, TRADE, IT_TELECOM, LOCAL_GOVERNMENT,
    HEALTHCARE, EDUCATION, OTHER
}
