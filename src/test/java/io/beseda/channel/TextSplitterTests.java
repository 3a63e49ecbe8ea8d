package io.beseda.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSplitterTests {

    @Test
    void a_short_text_is_one_part() {
        assertThat(TextSplitter.split("Здравствуйте!", 100)).containsExactly("Здравствуйте!");
        assertThat(TextSplitter.split("", 100)).containsExactly("");
    }

    @Test
    void a_long_text_is_cut_between_words_never_inside_one() {
        var text = "Доставка курьером завтра с десяти до шести, оплата при получении картой или наличными. ".repeat(40);
        var parts = TextSplitter.split(text, 200);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(200));
        assertThat(String.join(" ", parts)).isEqualTo(text.strip());
        assertThat(parts).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(parts.getFirst()).endsWith(".");
    }

    @Test
    void paragraphs_are_kept_whole_when_they_fit() {
        var text = "а".repeat(60) + "\n\n" + "б ".repeat(40);
        assertThat(TextSplitter.split(text, 100).getFirst()).isEqualTo("а".repeat(60));
    }

    @Test
    void only_a_word_longer_than_a_part_is_cut_and_emoji_stay_whole() {
        var parts = TextSplitter.split("😀".repeat(30), 15);
        assertThat(String.join("", parts)).isEqualTo("😀".repeat(30));
        assertThat(parts).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
    }
}
