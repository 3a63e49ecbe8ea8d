package io.beseda.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageTemplate;
import io.beseda.channel.MessageTemplates;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.testing.ConsoleSession;
import io.beseda.workspace.Role;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The account's approved templates: fetched from Meta, offered in the composer after the 24-hour window, sent. */
class WhatsAppTemplatesTests extends WhatsAppTestBase {

    private static final String ORDER_READY = """
              {"name": "order_ready", "language": "ru", "status": "APPROVED", "category": "UTILITY",
               "parameter_format": "POSITIONAL", "id": "1001",
               "components": [
                 {"type": "HEADER", "format": "TEXT", "text": "Заказ готов"},
                 {"type": "BODY", "text": "Здравствуйте! Заказ {{1}} ждёт вас в магазине {{2}} до {{3}}.",
                  "example": {"body_text": [["DM-10023", "на Тверской", "пятницы"]]}},
                 {"type": "FOOTER", "text": "Беседа-шоп"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Спасибо"}]}]}""";

    private static final String PAGE_ONE = """
            {"data": [
              %s,
              {"name": "promo_photo", "language": "ru", "status": "APPROVED", "category": "MARKETING", "id": "1002",
               "components": [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2U="]}},
                              {"type": "BODY", "text": "Скидки недели"}]},
              {"name": "cart_reminder", "language": "ru", "status": "PENDING", "category": "MARKETING", "id": "1003",
               "components": [{"type": "BODY", "text": "Вы оставили корзину"}]}],
             "paging": {"cursors": {"before": "MAZDZD", "after": "MjQZD"},
                        "next": "https://graph.facebook.com/v23.0/1/message_templates?after=MjQZD"}}""".formatted(ORDER_READY);

    private static final String PAGE_TWO = """
            {"data": [
              {"name": "greeting_named", "language": "ru", "status": "APPROVED", "category": "UTILITY",
               "parameter_format": "NAMED", "id": "1004",
               "components": [{"type": "BODY", "text": "Здравствуйте, {{first_name}}! Мы на связи.",
                               "example": {"body_text_named_params": [{"param_name": "first_name", "example": "Ольга"}]}}]},
              {"name": "login_code", "language": "ru", "status": "APPROVED", "category": "AUTHENTICATION", "id": "1005",
               "components": [{"type": "BODY", "text": "{{1}} — ваш код"},
                              {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE", "text": "Скопировать"}]}]}],
             "paging": {"cursors": {"before": "MjQZD", "after": "MzAZD"}}}""";

    @Autowired
    TemplateSync sync;

    @Autowired
    MessageTemplates templates;

    @Autowired
    WhatsAppConnectorFactory factory;

    @Autowired
    WebhookUrls webhookUrls;

    @BeforeEach
    void metaListsTheAccountsTemplates() {
        var path = "/" + MetaStandIn.VERSION + "/" + MetaStandIn.waba(account) + "/message_templates";
        meta.wiremock().stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent()).willReturn(okJson(PAGE_ONE)));
        meta.wiremock().stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("MjQZD")).willReturn(okJson(PAGE_TWO)));
    }

    @Test
    void fetchesTemplatesPageByPageAndOffersTheApprovedOnesBesedaCanFillIn() {
        var outcome = sync.sync(account);

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.approved()).isEqualTo(2);
        var approved = templates.approved(workspace, Channel.WHATSAPP);
        assertThat(approved).extracting(MessageTemplate::name).containsExactly("greeting_named", "order_ready");
        var orderReady = approved.get(1);
        assertThat(orderReady.parameters()).containsExactly("1", "2", "3");
        assertThat(orderReady.text()).isEqualTo("Заказ готов\n\nЗдравствуйте! Заказ {{1}} ждёт вас в магазине {{2}} до {{3}}.\n\nБеседа-шоп");
        assertThat(approved.get(0).parameters()).containsExactly("first_name");

        var path = "/" + MetaStandIn.VERSION + "/" + MetaStandIn.waba(account) + "/message_templates";
        meta.wiremock().stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent()).atPriority(1)
                .willReturn(okJson("{\"data\": [" + ORDER_READY + "], \"paging\": {\"cursors\": {\"before\": \"a\", \"after\": \"b\"}}}")));
        sync.sync(account);
        assertThat(templates.approved(workspace, Channel.WHATSAPP)).as("a template Meta no longer lists is gone")
                .singleElement().satisfies(t -> assertThat(t.id()).as("kept its id").isEqualTo(orderReady.id()));
    }

    @Test
    void outsideTheWindowOnlyATemplateGoesWithItsParametersByPositionOrName() {
        sync.sync(account);
        var from = customerNumber();
        var customer = customerWrites(from, "Когда будет заказ?", Instant.now().minus(Duration.ofDays(2)));

        var freeText = queue(customer, from, "Ваш заказ готов", false);
        var orderReady = template("order_ready");
        var byPosition = queue(customer, from, orderReady.call(Map.of("2", "на Тверской", "1", "DM-10023", "3", "пятницы")).toBody(), true);
        // other customers: one customer's messages are paced 6 s apart
        var olga = customerNumber();
        var byName = queue(customerWrites(olga, "Привет", Instant.now().minus(Duration.ofDays(3))), olga,
                template("greeting_named").call(Map.of("first_name", "Ольга")).toBody(), true);
        var ivan = customerNumber();
        var notACall = queue(customerWrites(ivan, "Привет", Instant.now().minus(Duration.ofDays(3))), ivan, "Здравствуйте!", true);
        dispatcher.dispatchDue();

        assertThat(entry(freeText).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry(freeText).failureReason()).isEqualTo("WHATSAPP_WINDOW_CLOSED");
        assertThat(meta.sentFor(freeText)).as("nothing went to Meta").isEmpty();

        assertThat(entry(byPosition).status()).isEqualTo(MessageStatus.SENT);
        var sent = meta.sentFor(byPosition).getFirst();
        assertThat(sent.path("type").asString()).isEqualTo("template");
        assertThat(sent.path("template").path("name").asString()).isEqualTo("order_ready");
        assertThat(sent.path("template").path("language").path("code").asString()).isEqualTo("ru");
        var parameters = sent.path("template").path("components").path(0).path("parameters");
        assertThat(sent.path("template").path("components").path(0).path("type").asString()).isEqualTo("body");
        assertThat(List.of(parameters.path(0).path("text").asString(), parameters.path(1).path("text").asString(),
                parameters.path(2).path("text").asString())).containsExactly("DM-10023", "на Тверской", "пятницы");
        assertThat(parameters.path(0).has("parameter_name")).isFalse();

        assertThat(entry(byName).status()).isEqualTo(MessageStatus.SENT);
        var named = meta.sentFor(byName).getFirst().path("template").path("components").path(0).path("parameters").path(0);
        assertThat(named.path("parameter_name").asString()).isEqualTo("first_name");
        assertThat(named.path("text").asString()).isEqualTo("Ольга");

        assertThat(entry(notACall).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry(notACall).failureDetail()).contains("template message's body must be");
    }

    @Test
    void theComposerOffersTemplatesWhenTheWindowHasClosedAndSendsTheChosenOne() {
        sync.sync(account);
        var from = customerNumber();
        var customer = customerWrites(from, "Есть 48 размер?", Instant.now().minus(Duration.ofHours(30)));
        var conversation = conversationOf(customer);
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var session = ConsoleSession.signIn(port, operator.email());

        var page = session.get("/inbox/" + conversation).body();
        assertThat(page).contains("id=\"whatsapp-window-closed\"").contains("data-template=\"order_ready\"")
                .contains("name=\"parameter.1\"").contains("name=\"parameter.first_name\"").doesNotContain("promo_photo");

        var freeText = session.postFragment("/inbox/" + conversation + "/replies", Map.of("text", "Да, есть"));
        assertThat(freeText.statusCode()).isEqualTo(422);
        assertThat(freeText.body()).contains("прошло больше 24 часов");

        var templateId = template("order_ready").id().toString();
        var missing = session.postFragment("/inbox/" + conversation + "/templates", Map.of("templateId", templateId,
                "parameter.1", "DM-10023"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Заполните все поля шаблона");

        var sent = session.postFragment("/inbox/" + conversation + "/templates", Map.of("templateId", templateId,
                "parameter.1", "DM-10023", "parameter.2", "на Тверской", "parameter.3", "пятницы"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("Здравствуйте! Заказ DM-10023 ждёт вас в магазине на Тверской до пятницы.");

        var queued = jdbc.sql("select id from outbound_message where workspace_id = ? and template").param(workspace.value())
                .query(UUID.class).single();
        dispatcher.dispatchDue();
        var toMeta = meta.sentFor(new io.beseda.channel.MessageId(queued));
        assertThat(toMeta).singleElement().satisfies(m -> {
            assertThat(m.path("to").asString()).isEqualTo(from);
            assertThat(m.path("template").path("name").asString()).isEqualTo("order_ready");
        });
    }

    @Test
    void withinTheWindowTheComposerSendsFreeTextAndKeepsTemplatesAside() {
        var from = customerNumber();
        var conversation = conversationOf(customerWrites(from, "Есть 48 размер?", Instant.now()));
        var session = ConsoleSession.signIn(port, workspaces.addUser(tenant, Role.OPERATOR).email());

        var page = session.get("/inbox/" + conversation).body();
        assertThat(page).contains("id=\"whatsapp-window-open\"").doesNotContain("id=\"whatsapp-window-closed\"");
        assertThat(session.postFragment("/inbox/" + conversation + "/replies", Map.of("text", "Да, есть")).statusCode()).isEqualTo(200);
    }

    @Test
    void checkingTheConnectionSaysWhichNumberItIsAndRegisteringPointsItsWebhooksAtBeseda() {
        var phonePath = "/" + MetaStandIn.VERSION + "/" + MetaStandIn.phone(account);
        meta.wiremock().stubFor(get(urlPathEqualTo(phonePath)).withHeader("Authorization", equalTo("Bearer " + MetaStandIn.TOKEN))
                .willReturn(okJson("{\"verified_name\": \"Беседа-шоп\", \"display_phone_number\": \"+7 900 000-00-00\", "
                        + "\"quality_rating\": \"GREEN\", \"id\": \"" + MetaStandIn.phone(account) + "\"}")));
        meta.wiremock().stubFor(post(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + MetaStandIn.waba(account) + "/subscribed_apps"))
                .willReturn(okJson("{\"success\": true}")));
        meta.wiremock().stubFor(post(urlPathEqualTo(phonePath)).willReturn(okJson("{\"success\": true}")));

        var check = factory.test(account);
        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.message()).contains("+7 900 000-00-00").contains("Беседа-шоп").contains("Одобренных шаблонов: 2");

        var webhook = webhookUrls.forAccount(account);
        var registered = factory.registerWebhook(account, webhook);
        assertThat(registered.ok()).as(registered.message()).isTrue();
        meta.wiremock().verify(postRequestedFor(urlPathEqualTo(phonePath)).withRequestBody(equalToJson(
                "{\"webhook_configuration\": {\"override_callback_uri\": \"" + webhook + "\", \"verify_token\": \""
                        + MetaStandIn.VERIFY_TOKEN + "\"}}")));

        var broken = MetaStandIn.connect(accounts, workspace);
        meta.wiremock().stubFor(get(urlPathEqualTo("/" + MetaStandIn.VERSION + "/" + MetaStandIn.phone(broken)))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(WhatsAppSendingTests.graphError(190, "Error validating access token", ""))));
        var refused = factory.test(broken);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.message()).contains("токен");
    }

    private io.beseda.channel.MessageId queue(CustomerId customer, String from, String body, boolean template) {
        return outbox.queue(workspace, new OutboundMessage(customer, Channel.WHATSAPP, MessageCategory.SERVICE, body, from,
                "tpl-" + UUID.randomUUID(), template, Duration.ofHours(1)));
    }

    private MessageTemplate template(String name) {
        return templates.approved(workspace, Channel.WHATSAPP).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private UUID conversationOf(CustomerId customer) {
        return jdbc.sql("select id from conversation where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value()).query(UUID.class).single();
    }
}
