package io.vocmonitor.survey.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated, fields optionally in double quotes, a quote inside a
 * quoted field doubled, line breaks (LF or CRLF) allowed inside quotes. Remembers the line each record starts
 * on, so errors can name it.
 */
public final class CsvReader {

    /** One record: the physical line it starts on (1-based) and its fields. */
    public record Row(int line, List<String> fields) {
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private CsvReader() {
    }

    public static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || afterQuote) {
                    throw new InvalidInput("line " + line, "a quote inside an unquoted field; quote the "
                            + "whole field and double the quote");
                }
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                line++;
                rowLine = line;
            } else {
                if (afterQuote) {
                    throw new InvalidInput("line " + line, "text after a closing quote");
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInput("line " + rowLine, "a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || afterQuote) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
