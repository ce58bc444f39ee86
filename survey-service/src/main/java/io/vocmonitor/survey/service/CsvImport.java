package io.vocmonitor.survey.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.Question;
import io.vocmonitor.events.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an uploaded CSV file into responses, one per row (SPEC §5). The first row names the columns, in any
 * order, case-insensitively: {@link #COLUMNS}, the fields of a response and every item of every instrument
 * ({@link InstrumentDefinition}), by item id. An empty cell is an unanswered question; a scan statement's cell holds
 * its answer word (SYSTEMATIC, TOP, NA …). Each row becomes the same JSON object a
 * client would post, so it is validated by the same rules.
 */
public final class CsvImport {

    /** The response's own text fields, then the text questions; the numeric questions follow the items. */
    private static final List<String> TEXT_COLUMNS;
    /** The top-level answer columns (integers). */
    private static final List<String> NUMBER_COLUMNS;
    /** Every column a file may have: the fields of a response, and every item as its own column. */
    public static final List<String> COLUMNS;
    private static final Set<String> ITEM_COLUMNS;

    static {
        List<String> text = new ArrayList<>(List.of("responseId", "instrument", "answeredAt", "channel", "touchpoint",
                "role", "unit", "respondentRef"));
        List<String> numbers = new ArrayList<>();
        for (Question question : Question.values()) {
            (question.scale() == null ? text : numbers).add(question.field());
        }
        TEXT_COLUMNS = List.copyOf(text);
        NUMBER_COLUMNS = List.copyOf(numbers);
        Set<String> items = new LinkedHashSet<>();
        for (Instrument instrument : Instrument.values()) {
            InstrumentDefinition.of(instrument).items().forEach(item -> items.add(item.id()));
        }
        ITEM_COLUMNS = Set.copyOf(items);
        List<String> columns = new ArrayList<>(TEXT_COLUMNS);
        columns.addAll(items);
        columns.addAll(NUMBER_COLUMNS);
        COLUMNS = List.copyOf(columns);
    }

    private CsvImport() {
    }

    /** The rows of the file as responses to ingest; {@link InvalidInput} for a file that cannot be read at all. */
    public static List<IngestService.Item> items(byte[] body) {
        List<CsvReader.Row> rows = CsvReader.read(utf8(body)).stream().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            throw new InvalidInput("body", "the file is empty; the first row names the columns: "
                    + String.join(",", COLUMNS));
        }
        List<String> header = header(rows.get(0));
        List<CsvReader.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw new InvalidInput("body", "the file has a header but no responses");
        }
        if (data.size() > IngestService.MAX_ITEMS) {
            throw new InvalidInput("body", data.size() + " responses; at most " + IngestService.MAX_ITEMS
                    + " per file, split it");
        }
        List<IngestService.Item> items = new ArrayList<>(data.size());
        for (int index = 0; index < data.size(); index++) {
            CsvReader.Row row = data.get(index);
            if (row.fields().size() != header.size()) {
                items.add(new IngestService.Item(index, row.line(), null, new InvalidInput("line " + row.line(),
                        row.fields().size() + " fields where the header has " + header.size())));
            } else {
                items.add(new IngestService.Item(index, row.line(), response(header, row), null));
            }
        }
        return items;
    }

    private static List<String> header(CsvReader.Row row) {
        Map<String, String> canonical = new LinkedHashMap<>();
        COLUMNS.forEach(column -> canonical.put(column.toLowerCase(Locale.ROOT), column));
        List<Violation> errors = new ArrayList<>();
        List<String> header = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : row.fields()) {
            String column = canonical.get(name.strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new Violation("line 1", "unknown column '" + name.strip() + "'; the columns are "
                        + String.join(",", COLUMNS)));
            } else if (!seen.add(column)) {
                errors.add(new Violation("line 1", "column '" + column + "' appears twice"));
            }
            header.add(column);
        }
        if (!seen.contains("instrument")) {
            errors.add(new Violation("line 1", "the column 'instrument' is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return header;
    }

    /** The row as a posted response. */
    private static ObjectNode response(List<String> header, CsvReader.Row row) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            String cell = row.fields().get(column);
            if (cell.isBlank()) {
                continue;
            }
            if (ITEM_COLUMNS.contains(name)) {
                putAnswer(answers, name, cell);
            } else if (NUMBER_COLUMNS.contains(name)) {
                putAnswer(response, name, cell);
            } else {
                response.put(name, cell);
            }
        }
        if (!answers.isEmpty()) {
            response.set("answers", answers);
        }
        return response;
    }

    /**
     * An integer cell as a number; anything else as text, trimmed (an answer word: spreadsheets keep stray spaces),
     * which validation then takes or refuses by name.
     */
    private static void putAnswer(ObjectNode node, String name, String cell) {
        try {
            node.put(name, Integer.parseInt(cell.strip()));
        } catch (NumberFormatException e) {
            node.put(name, cell.strip());
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("body", "the file is not UTF-8");
        }
    }
}
