package io.beseda.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPartsTests {

    @Test
    void latinTextFitsOneGsm7PartOf160() {
        assertThat(SmsParts.of("Hello")).isEqualTo(new SmsParts(SmsParts.Encoding.GSM7, 1, 155));
        assertThat(SmsParts.of("a".repeat(160))).isEqualTo(new SmsParts(SmsParts.Encoding.GSM7, 1, 0));
        assertThat(SmsParts.of("a".repeat(161))).isEqualTo(new SmsParts(SmsParts.Encoding.GSM7, 2, 153 - 8));
    }

    @Test
    void anExtensionCharacterCountsTwoAndIsNeverSplitFromItsEscape() {
        assertThat(SmsParts.of("€".repeat(80))).isEqualTo(new SmsParts(SmsParts.Encoding.GSM7, 1, 0));
        var split = SmsParts.split("€".repeat(81));
        assertThat(split).containsExactly("€".repeat(76), "€".repeat(5));
        assertThat(SmsParts.of("€".repeat(81))).isEqualTo(new SmsParts(SmsParts.Encoding.GSM7, 2, 143));
    }

    @Test
    void cyrillicGoesAsUcs2In70And67() {
        assertThat(SmsParts.of("я".repeat(70))).isEqualTo(new SmsParts(SmsParts.Encoding.UCS2, 1, 0));
        assertThat(SmsParts.of("я".repeat(71))).isEqualTo(new SmsParts(SmsParts.Encoding.UCS2, 2, 63));
        assertThat(SmsParts.of("я".repeat(200))).isEqualTo(new SmsParts(SmsParts.Encoding.UCS2, 3, 1));
        assertThat(SmsParts.split("я".repeat(200))).extracting(String::length).containsExactly(67, 67, 66);
    }

    @Test
    void oneCharacterOutsideTheAlphabetMakesTheWholeTextUcs2() {
        assertThat(SmsParts.encodingOf("Order #12 is ready ✓")).isEqualTo(SmsParts.Encoding.UCS2);
        assertThat(SmsParts.encodingOf("Ваш заказ")).isEqualTo(SmsParts.Encoding.UCS2);
        assertThat(SmsParts.encodingOf("Price: 5€ [sale] {now} ~ ^ | \\ @£$¥ èéùìò")).isEqualTo(SmsParts.Encoding.GSM7);
    }

    @Test
    void anEmojiIsTwoUnitsAndIsNeverCutInHalf() {
        assertThat(SmsParts.of("я".repeat(66) + "😀")).isEqualTo(new SmsParts(SmsParts.Encoding.UCS2, 1, 2));
        var split = SmsParts.split("я".repeat(66) + "😀" + "я".repeat(10));
        assertThat(split).containsExactly("я".repeat(66), "😀" + "я".repeat(10));
        assertThat(SmsParts.of("я".repeat(66) + "😀" + "я".repeat(10)).charactersLeft()).isEqualTo(67 - 12);
    }

    @Test
    void gsm7BytesAreTheSeptetsOfGsm0338() {
        assertThat(SmsParts.encodeGsm7("@$€¤a")).containsExactly(0x00, 0x02, 0x1B, 0x65, 0x24, 0x61);
        var text = "Hello {world} 5€ @home ÄÖÑÜ§¿ ΔΦΓ\n";
        assertThat(SmsParts.decodeGsm7(SmsParts.encodeGsm7(text))).isEqualTo(text);
    }

    @Test
    void costIsThePricePerPartTimesTheParts() {
        assertThat(SmsParts.of("я".repeat(200)).cost(new java.math.BigDecimal("3.50"))).isEqualByComparingTo("10.50");
    }
}
