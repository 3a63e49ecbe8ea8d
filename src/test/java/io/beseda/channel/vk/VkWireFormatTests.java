package io.beseda.channel.vk;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.beseda.channel.MessageId;
import io.beseda.channel.QuickReply;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of VK's wire format the connector makes and reads: keyboards, payloads, photo sizes, random ids. */
class VkWireFormatTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void quickRepliesBecomeAnInlineKeyboardOfTextButtonsWithBesedasPayload() {
        var keyboard = json.readTree(VkKeyboards.inline(List.of(new QuickReply("Беру", "buy"), new QuickReply("Другой", "other")), json));

        assertThat(keyboard.path("inline").asBoolean()).isTrue();
        assertThat(keyboard.path("buttons").size()).as("one button a row").isEqualTo(2);
        var first = keyboard.path("buttons").path(0).path(0).path("action");
        assertThat(first.path("type").asString()).isEqualTo("text");
        assertThat(first.path("label").asString()).isEqualTo("Беру");
        assertThat(VkKeyboards.buttonPayload(first.path("payload").asString(), json)).isEqualTo("buy");
    }

    @Test
    void moreThanSixButtonsGoTwoARowAndLongLabelsAreShortenedToVksForty() {
        var replies = IntStream.rangeClosed(1, 10).mapToObj(i -> new QuickReply("Оценка " + i + " — " + "очень ".repeat(Math.min(i, 8)), "csat:" + i)).toList();

        var keyboard = json.readTree(VkKeyboards.inline(replies, json));

        assertThat(keyboard.path("buttons").size()).isEqualTo(5);
        keyboard.path("buttons").forEach(row -> assertThat(row.size()).isEqualTo(2));
        assertThat(VkKeyboards.labels(VkKeyboards.inline(replies, json), json)).allSatisfy(label ->
                assertThat(label.codePointCount(0, label.length())).isLessThanOrEqualTo(40));
        assertThat(VkKeyboards.labels(VkKeyboards.inline(replies, json), json).get(9)).endsWith("…");
    }

    @Test
    void aPayloadOverVksLimitIsLeftOffAndTheLabelSpeaksAlone() {
        var keyboard = json.readTree(VkKeyboards.inline(List.of(new QuickReply("Длинный", "x".repeat(250))), json));

        assertThat(keyboard.path("buttons").path(0).path(0).path("action").has("payload")).isFalse();
    }

    @Test
    void payloadsBesedaDidNotMakeAreKeptAsVkGaveThem() {
        assertThat(VkKeyboards.buttonPayload("{\"command\":\"start\"}", json)).isEqualTo("{\"command\":\"start\"}");
        assertThat(VkKeyboards.buttonPayload("{\"button\":\"a\",\"extra\":1}", json)).isEqualTo("{\"button\":\"a\",\"extra\":1}");
        assertThat(VkKeyboards.buttonPayload("not json", json)).isEqualTo("not json");
        assertThat(VkKeyboards.buttonPayload("", json)).isNull();
        assertThat(VkKeyboards.buttonPayload(null, json)).isNull();
    }

    @Test
    void aPhotoIsFetchedFromItsLargestCopyFirst() {
        var photo = json.readTree("""
                {"id": 1, "owner_id": 5, "sizes": [
                  {"type": "s", "width": 75, "height": 56, "url": "https://sun.userapi.com/s.jpg"},
                  {"type": "w", "width": 2560, "height": 1920, "url": "https://sun.userapi.com/w.jpg"},
                  {"type": "x", "width": 604, "height": 453, "url": "https://sun.userapi.com/x.jpg"}],
                 "orig_photo": {"width": 4032, "height": 3024, "url": "https://sun.userapi.com/orig.jpg"}}""");
        var old = json.readTree("""
                {"id": 2, "owner_id": 5, "sizes": [
                  {"type": "m", "width": 0, "height": 0, "url": "https://vk.com/m.jpg"},
                  {"type": "z", "width": 0, "height": 0, "url": "https://vk.com/z.jpg"},
                  {"type": "x", "width": 0, "height": 0, "url": "https://vk.com/x.jpg"}]}""");

        assertThat(VkPhotoSizes.largestFirst(photo)).containsExactly("https://sun.userapi.com/orig.jpg",
                "https://sun.userapi.com/w.jpg", "https://sun.userapi.com/x.jpg", "https://sun.userapi.com/s.jpg");
        assertThat(VkPhotoSizes.largestFirst(old)).as("by VK's size letters when dimensions are missing")
                .containsExactly("https://vk.com/z.jpg", "https://vk.com/x.jpg", "https://vk.com/m.jpg");
    }

    @Test
    void randomIdsAreTheSameOnEveryRetryDifferentPerPartAndPositive() {
        var message = new MessageId(UUID.randomUUID());
        var other = new MessageId(UUID.randomUUID());

        assertThat(VkRandomIds.of(message, 0)).isEqualTo(VkRandomIds.of(new MessageId(message.value()), 0));
        assertThat(VkRandomIds.of(message, 0)).isNotEqualTo(VkRandomIds.of(message, 1)).isNotEqualTo(VkRandomIds.of(other, 0));
        assertThat(IntStream.range(0, 1000).map(i -> VkRandomIds.of(new MessageId(UUID.randomUUID()), i % 3))).allMatch(id -> id > 0);
    }

    @Test
    void vksErrorsSayWhetherTryingAgainCanHelp() {
        assertThat(VkException.of(6, "Too many requests per second").retryable()).isTrue();
        assertThat(VkException.of(9, "Flood control").retryable()).isTrue();
        assertThat(VkException.of(10, "Internal server error").retryable()).isTrue();
        assertThat(VkException.of(5, "User authorization failed").retryable()).isFalse();
        assertThat(VkException.of(7, "Permission to perform this action is denied").retryable()).isFalse();
        assertThat(VkException.of(901, "Can't send messages for users without permission").retryable()).isFalse();
        assertThat(VkException.of(912, "This is a chat bot feature").getMessage()).contains("Возможности ботов");
    }
}
