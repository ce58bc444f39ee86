package io.vocmonitor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scan's content is whole and consistent (scan-catalogue.md): what the scores and the questionnaire rely on. */
class ScanCatalogueTest {

    @Test
    void everyStatementBelongsToABlockOnTheElementScaleOrToAnAreaOnTheResultScale() {
        Set<String> blocks = Arrays.stream(ScanCatalogue.Block.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> areas = Arrays.stream(ScanCatalogue.Area.values()).map(Enum::name).collect(Collectors.toSet());
        for (ScanCatalogue.Statement statement : ScanCatalogue.STATEMENTS) {
            assertThat(statement.id()).as("ids name their group").startsWith(statement.group() + "_");
            if (blocks.contains(statement.group())) {
                assertThat(statement.scale()).as(statement.id()).isEqualTo(ScanScale.ELEMENT);
            } else {
                assertThat(areas).as(statement.id()).contains(statement.group());
                assertThat(statement.scale()).as(statement.id()).isEqualTo(ScanScale.RESULT);
            }
            assertThat(statement.text().en()).as(statement.id()).isNotBlank().doesNotContain("  ");
            assertThat(statement.text().nl()).as(statement.id()).isNotBlank().doesNotContain("  ");
        }
        assertThat(ScanCatalogue.STATEMENTS).extracting(ScanCatalogue.Statement::id).doesNotHaveDuplicates();
    }

    @Test
    void nineBlocksOfAtLeastThreeStatementsAndFourResultAreas() {
        assertThat(ScanCatalogue.Block.values()).hasSize(9);
        assertThat(ScanCatalogue.Area.values()).hasSize(4);
        for (ScanCatalogue.Block block : ScanCatalogue.Block.values()) {
            assertThat(ScanCatalogue.STATEMENTS.stream().filter(s -> s.group().equals(block.name())).count())
                    .as(block.name()).isGreaterThanOrEqualTo(3);
        }
        assertThat(ScanCatalogue.STATEMENTS).hasSize(30 + 14);
        assertThat(ScanCatalogue.READING_QUESTIONS).hasSize(6);
    }

    @Test
    void theScalesGivePointsToWordsAndNoneToNotApplicable() {
        assertThat(ScanScale.ELEMENT.words()).extracting(ScanScale.Word::points).containsExactly(0, 1, 3);
        assertThat(ScanScale.RESULT.words()).extracting(ScanScale.Word::points).containsExactly(0, 1, 3, 5);
        assertThat(ScanScale.ELEMENT.maxPoints()).isEqualTo(3);
        assertThat(ScanScale.RESULT.maxPoints()).isEqualTo(5);
        assertThat(ScanScale.ELEMENT.word("TOP")).as("a word of the other scale").isEmpty();
        assertThat(ScanScale.RESULT.word(ScanScale.NOT_APPLICABLE)).as("NA has no points").isEmpty();
    }
}
