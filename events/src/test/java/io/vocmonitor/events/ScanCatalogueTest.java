package io.vocmonitor.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan's content is whole and consistent (scan-catalogue.md): what the scores and the questionnaire rely on. */
class ScanCatalogueTest {

    @Test
    void everyStatementBelongsToABlockOnTheElementScaleOrToAnAreaOnTheResultScale() {
        for (ScanCatalogue.Statement statement : ScanCatalogue.STATEMENTS) {
            assertThat(statement.id()).as("ids name their group").startsWith(statement.group().name() + "_");
            if (ScanCatalogue.Group.blocks().contains(statement.group())) {
                assertThat(statement.scale()).as(statement.id()).isEqualTo(ScanScale.ELEMENT);
            } else {
                assertThat(ScanCatalogue.Group.areas()).as(statement.id()).contains(statement.group());
                assertThat(statement.scale()).as(statement.id()).isEqualTo(ScanScale.RESULT);
            }
            assertThat(statement.text().en()).as(statement.id()).isNotBlank().doesNotContain("  ");
            assertThat(statement.text().nl()).as(statement.id()).isNotBlank().doesNotContain("  ");
        }
        assertThat(ScanCatalogue.STATEMENTS).extracting(ScanCatalogue.Statement::id).doesNotHaveDuplicates();
    }

    @Test
    void nineBlocksOfAtLeastThreeStatementsAndFourResultAreas() {
        assertThat(ScanCatalogue.Group.blocks()).hasSize(9);
        assertThat(ScanCatalogue.Group.areas()).hasSize(4);
        for (ScanCatalogue.Group block : ScanCatalogue.Group.blocks()) {
            assertThat(ScanCatalogue.STATEMENTS.stream().filter(s -> s.group() == block).count())
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
