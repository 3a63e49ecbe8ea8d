package io.beseda.channel.max;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.beseda.channel.InboundMessage;
import io.beseda.channel.QuickReply;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts of MAX's wire format: keyboard rows, contact cards, Retry-After. */
class MaxWireFormatTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void putsAsManyButtonsInARowAsStillShowTheirTitlesWhole() {
        assertThat(MaxMessages.perRow(replies("1", "2", "3", "4", "5"))).isEqualTo(4);
        assertThat(MaxMessages.perRow(replies("Да", "Нет", "Не знаю"))).isEqualTo(2);
        assertThat(MaxMessages.perRow(replies("Беру", "Другой"))).isEqualTo(2);
        assertThat(MaxMessages.perRow(replies("Позвать оператора", "Статус заказа"))).isEqualTo(1);
        assertThat(MaxMessages.perRow(replies("Да"))).isEqualTo(1);

        var body = MaxMessages.body(json, "Оцените нас", List.of(), replies("1", "2", "3", "4", "5"));
        var rows = body.path("attachments").get(0).path("payload").path("buttons");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).size()).isEqualTo(4);
        assertThat(rows.get(1).get(0).path("type").asString()).isEqualTo("callback");
        assertThat(rows.get(1).get(0).path("payload").asString()).isEqualTo("p5");
        assertThat(body.has("format")).as("plain text: an operator's asterisks stay asterisks").isFalse();
    }

    @Test
    void readsTheFirstPhoneAndTheNameOfAContactCard() {
        var folded = json.createObjectNode().put("vcf_info",
                "BEGIN:VCARD\nVERSION:4.0\nFN:Смирнова Анна\n Петровна\nTEL;VALUE=uri;TYPE=cell:tel:+7-916-123-45-67\nTEL:84951234567\nEND:VCARD");
        assertThat(VCards.contact(folded)).isEqualTo(new InboundMessage.Contact("+7-916-123-45-67", "Смирнова АннаПетровна"));

        var nameFromMax = json.createObjectNode().put("vcf_info", "BEGIN:VCARD\r\nTEL:79161234567\r\nEND:VCARD");
        nameFromMax.putObject("max_info").put("user_id", 1).put("first_name", "Анна").put("last_name", "Смирнова");
        assertThat(VCards.contact(nameFromMax)).isEqualTo(new InboundMessage.Contact("79161234567", "Анна Смирнова"));

        assertThat(VCards.contact(json.createObjectNode().put("vcf_info", "BEGIN:VCARD\nFN:Без телефона\nEND:VCARD"))).isNull();
    }

    private static List<QuickReply> replies(String... titles) {
        return java.util.Arrays.stream(titles).map(t -> new QuickReply(t, "p" + t)).toList();
    }
}
