package io.beseda.channel.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.Delivery;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.SendResult;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.Suppressions;
import io.beseda.consent.UnsubscribeLinks;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What e-mail does beyond the kit: the mail's make-up, threading, quotes, files, bounces, the reader's life. */
@BesedaTest
@TestPropertySource(properties = {EmailTestSupport.POLL, EmailTestSupport.CHECK, EmailTestSupport.IDLE, EmailTestSupport.TIMEOUT})
class EmailTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Autowired TestWorkspaces workspaces;
    @Autowired ChannelAccounts accounts;
    @Autowired MailboxReaders readers;
    @Autowired EmailConnectorFactory factory;
    @Autowired Customers customers;
    @Autowired Outbox outbox;
    @Autowired Dispatcher dispatcher;
    @Autowired Attachments attachments;
    @Autowired InboundMessages inbound;
    @Autowired Suppressions suppressions;
    @Autowired UnsubscribeLinks unsubscribeLinks;
    @Autowired JdbcClient jdbc;

    WorkspaceId workspace;
    ChannelAccount account;
    final MailServer server = MailServer.get();

    @BeforeEach
    void anAccountOnTheShopsMailbox() {
        workspace = workspaces.create("Почта " + UUID.randomUUID()).workspace().id();
        account = EmailTestSupport.connect(accounts, readers, workspace, Map.of());
    }

    @AfterEach
    void disconnect() {
        accounts.setEnabled(workspace, account.id(), false);
        readers.match();
    }

    @Test
    void sendsTextAndSafeHtmlWithAnInlinePhotoAFileAndOneClickUnsubscribe() throws Exception {
        var to = MailServer.newAddress("anna");
        var customer = customer(to);
        var photo = attachments.store(workspace, "платье.png", PNG);
        var invoice = attachments.store(workspace, "счёт.pdf", PDF);
        var delivery = new Delivery(workspace, new MessageId(UUID.randomUUID()), account, customer, to,
                "Скидка 20% <script>alert(1)</script> & бесплатная доставка.\n\nКаталог: https://shop.test/sale?a=1&b=2",
                false, List.of(new QuickReply("Хочу", "want"), new QuickReply("Не надо", "no")), List.of(photo, invoice),
                MessageCategory.MARKETING);

        var result = factory.create(account).send(delivery);

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        var id = ((SendResult.Sent) result).providerMessageId();
        var mail = server.sent(id);
        assertThat(mail.getMessageID()).isEqualTo(id).contains(delivery.messageId().toString());
        assertThat(mail.getSubject()).isEqualTo("Ответ от Магазин «Ромашка»");
        assertThat(mail.isMimeType("multipart/mixed")).isTrue();
        var html = EmailTestSupport.part(mail, "text/html");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; бесплатная")
                .contains("<a href=\"https://shop.test/sale?a=1&amp;b=2\">").contains("<p>").contains("<img src=\"cid:image1.");
        assertThat(EmailTestSupport.part(mail, "text/plain")).contains("Скидка 20% <script>alert(1)</script>").contains("— Хочу");
        assertThat(EmailTestSupport.buttonTitles(mail)).containsExactly("Хочу", "Не надо");
        var inline = EmailTestSupport.parts(mail).stream().filter(p -> isType(p, "image/png")).findFirst().orElseThrow();
        assertThat(inline.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(((jakarta.mail.internet.MimeBodyPart) inline).getContentID()).isEqualTo("<image1." + id.replaceAll("[<>]", "") + ">");
        assertThat(html).contains("cid:image1." + id.replaceAll("[<>]", ""));
        var file = EmailTestSupport.parts(mail).stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(file.getFileName())).isEqualTo("счёт.pdf");
        var unsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<https?://[^>]+/u/[^>]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        var token = unsubscribe.substring(unsubscribe.indexOf("/u/") + 3, unsubscribe.length() - 1);
        assertThat(unsubscribeLinks.read(token)).hasValueSatisfying(target -> {
            assertThat(target.customerId()).isEqualTo(customer);
            assertThat(target.channel()).isEqualTo(Channel.EMAIL);
        });
    }

    @Test
    void aReplyIsNotMarketingAndCarriesNoUnsubscribeHeader() throws Exception {
        var to = MailServer.newAddress("boris");
        var result = (SendResult.Sent) factory.create(account).send(new Delivery(workspace, new MessageId(UUID.randomUUID()), account,
                customer(to), to, "Ваш заказ собран", false, List.of(), List.of(), MessageCategory.REPLY));

        var mail = server.sent(result.providerMessageId());
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
    }

    @Test
    void aSubjectTheSenderGaveIsTheMailsSubjectOnOneLine() throws Exception {
        var to = MailServer.newAddress("galina");
        var id = outbox.queue(workspace, new OutboundMessage(customer(to), Channel.EMAIL, MessageCategory.SERVICE,
                "Заказ DM-7 передан курьеру.", to, "email-" + UUID.randomUUID(), false, Duration.ofHours(1), List.of(),
                List.<Attachment>of(), "Галина, ваш заказ «DM-7»\n в пути"));
        dispatcher.dispatchDue();

        var sent = outbox.find(workspace, id).orElseThrow();
        assertThat(sent.status()).as(String.valueOf(sent.failureDetail())).isEqualTo(MessageStatus.SENT);
        assertThat(server.sent(sent.providerMessageId()).getSubject()).isEqualTo("Галина, ваш заказ «DM-7» в пути");
    }

    @Test
    void theCustomersReplyLandsInTheSameConversation() throws Exception {
        var from = MailServer.newAddress("vera");
        server.deliverAndWait(jdbc, account, Mails.fromCustomer("<first-" + UUID.randomUUID() + "@customer.test>", from,
                "Размер платья", "Есть ли 48 размер?", null, null));
        var first = inboundId(from);
        var conversation = conversationOf(first);
        var ours = send(customerOf(first), from, "Есть, отложить?", MessageCategory.REPLY);
        var ourMail = server.sent(ours);
        assertThat(ourMail.getSubject()).isEqualTo("Re: Размер платья");
        assertThat(ourMail.getHeader("In-Reply-To", null)).startsWith("<first-");

        var replyId = "<reply-" + UUID.randomUUID() + "@customer.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(replyId, from, "Re: Размер платья", "Да, отложите, пожалуйста",
                ours, ours));

        var reply = inboundByProviderId(replyId);
        assertThat(inbound.find(workspace, reply).orElseThrow().text()).isEqualTo("Да, отложите, пожалуйста");
        assertThat(conversationOf(reply)).isEqualTo(conversation);
    }

    @Test
    void anAnswerFromAnotherAddressJoinsTheThreadItReferences() throws Exception {
        var customerAddress = MailServer.newAddress("galina");
        var customer = customer(customerAddress);
        var ours = send(customer, customerAddress, "Ваш заказ 1042 передан курьеру", MessageCategory.SERVICE);

        var answerId = "<work-" + UUID.randomUUID() + "@office.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(answerId, "galina.work@office.test", "Re: заказ",
                "А во сколько приедет курьер?", null, "<older@office.test> " + ours));

        var stored = inbound.find(workspace, inboundByProviderId(answerId)).orElseThrow();
        assertThat(customerOf(inboundByProviderId(answerId))).isEqualTo(customer);
        assertThat(stored.text()).contains("А во сколько приедет курьер?").contains("galina.work@office.test");
    }

    @Test
    void aMailQueuedWithoutAnAddressGoesToTheCustomersAndItsAnswersThreadToo() throws Exception {
        var customerAddress = MailServer.newAddress("inna");
        var customer = customer(customerAddress);
        var ours = send(customer, null, "Ваша бонусная карта готова", MessageCategory.SERVICE);
        assertThat(server.sent(ours).getRecipients(MimeMessage.RecipientType.TO)[0].toString()).isEqualTo(customerAddress);

        var answerId = "<alias-" + UUID.randomUUID() + "@office.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(answerId, "inna.alias@office.test", "Re: карта",
                "Где её забрать?", ours, null));

        assertThat(customerOf(inboundByProviderId(answerId))).isEqualTo(customer);
    }

    @Test
    void quotedHistoryIsTrimmed() throws Exception {
        var from = MailServer.newAddress("dmitry");
        var id = "<quoted-" + UUID.randomUUID() + "@customer.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(id, from, "Re: заказ", """
                Спасибо, получил.
                Вопрос по возврату.

                пн, 1 июн. 2026 г. в 10:00, Магазин «Ромашка» <shop@shop.test>:
                > Ваш заказ доставлен
                > Оцените нас
                """, null, null));

        assertThat(inbound.find(workspace, inboundByProviderId(id)).orElseThrow().text()).isEqualTo("Спасибо, получил.\nВопрос по возврату.");
    }

    @Test
    void keepsAFileAndNamesOneItCannotKeep() throws Exception {
        var from = MailServer.newAddress("elena");
        var id = "<files-" + UUID.randomUUID() + "@customer.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(id, from, "Брак", "Фото и чек во вложении",
                null, null, new Mails.FilePart("чек.pdf", "application/pdf", PDF),
                new Mails.FilePart("видео.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0})));

        var stored = inbound.find(workspace, inboundByProviderId(id)).orElseThrow();
        assertThat(stored.attachments()).singleElement().satisfies(file -> {
            assertThat(file.mimeType()).isEqualTo("application/pdf");
            assertThat(attachments.fromUrl(workspace, file.url()).orElseThrow().content()).isEqualTo(PDF);
        });
        assertThat(stored.text()).startsWith("Фото и чек во вложении").contains("видео.zip");
    }

    @Test
    void aBounceFailsTheMessageAndSuppressesTheAddressWithoutAConversationMessage() throws Exception {
        var to = MailServer.newAddress("nobody");
        var customer = customer(to);
        var messageId = outbox.queue(workspace, outbound(customer, to, "Ваш заказ в пути", MessageCategory.SERVICE));
        dispatcher.dispatchDue();
        var sent = outbox.find(workspace, messageId).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);

        var report = Mails.deliveryReport(to, sent.providerMessageId(), "5.1.1");
        server.deliverAndWait(jdbc, account, report);
        server.deliverAndWait(jdbc, account, report);

        var failed = outbox.find(workspace, messageId).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failureDetail()).contains("5.1.1");
        assertThat(suppressions.list(workspace)).singleElement().satisfies(s -> {
            assertThat(s.channel()).isEqualTo(Channel.EMAIL);
            assertThat(s.address()).isEqualTo(to);
        });
        assertThat(inboundCount()).isZero();
    }

    @Test
    void aDelayReportFailsNothing() throws Exception {
        var to = MailServer.newAddress("slow");
        var messageId = outbox.queue(workspace, outbound(customer(to), to, "Ваш заказ в пути", MessageCategory.SERVICE));
        dispatcher.dispatchDue();
        var providerId = outbox.find(workspace, messageId).orElseThrow().providerMessageId();

        server.deliverAndWait(jdbc, account, Mails.deliveryReport(to, providerId, "4.4.1", "delayed"));

        assertThat(outbox.find(workspace, messageId).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(suppressions.list(workspace)).isEmpty();
        assertThat(inboundCount()).isZero();
    }

    @Test
    void aMailPretendingToBeABounceIsNotTakenForOne() throws Exception {
        var to = MailServer.newAddress("target");
        var messageId = outbox.queue(workspace, outbound(customer(to), to, "Ваш заказ в пути", MessageCategory.SERVICE));
        dispatcher.dispatchDue();
        var providerId = outbox.find(workspace, messageId).orElseThrow().providerMessageId();

        // a report about another address than the one the mail went to, and one about a mail Beseda never sent
        server.deliverAndWait(jdbc, account, Mails.deliveryReport("someone.else@customer.test", providerId, "5.1.1"));
        server.deliverAndWait(jdbc, account, Mails.deliveryReport(to, "<beseda." + UUID.randomUUID() + "@shop.test>", "5.1.1"));
        // a person whose subject looks like a bounce and who quotes our Message-ID is a person writing
        var prankster = MailServer.newAddress("prankster");
        var prank = "<prank-" + UUID.randomUUID() + "@customer.test>";
        server.deliverAndWait(jdbc, account, Mails.fromCustomer(prank, prankster, "Undelivered Mail Returned to Sender",
                "550 5.1.1 " + providerId, null, null));

        assertThat(outbox.find(workspace, messageId).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(suppressions.list(workspace)).isEmpty();
        assertThat(inboundCount()).isEqualTo(1);
        assertThat(inbound.find(workspace, inboundByProviderId(prank)).orElseThrow().sender()).isEqualTo(prankster);
    }

    @Test
    void aMailReadTwiceIsStoredOnce() throws Exception {
        var from = MailServer.newAddress("zoya");
        server.deliverAndWait(jdbc, account, Mails.fromCustomer("<twice-" + UUID.randomUUID() + "@customer.test>", from, "Вопрос",
                "Когда привезут?", null, null));
        var uid = server.lastUid();

        // the reader forgets where it stopped (as after a folder rebuilt by the server) and reads the mail again
        jdbc.sql("update email_mailbox set last_uid = 0 where account_id = ?").param(account.id()).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select last_uid from email_mailbox where account_id = ?")
                .param(account.id()).query(Long.class).single() >= uid);

        assertThat(inboundCount()).isEqualTo(1);
    }

    @Test
    void theReaderConnectsAgainAfterTheServerDropsIt() throws Exception {
        var reader = readers.reader(account.id()).orElseThrow();
        var before = reader.connections();

        server.restart();
        var from = MailServer.newAddress("yuri");
        var id = "<after-" + UUID.randomUUID() + "@customer.test>";
        server.deliverToShop(Mails.fromCustomer(id, from, "Вопрос", "Вы работаете сегодня?", null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), id).query(Long.class).single() == 1);
        assertThat(reader.connections()).isGreaterThan(before);
        assertThat(accounts.health(workspace, account.id()).lastError()).startsWith("IMAP");
    }

    @Test
    void aDisabledAccountsReaderStops() {
        accounts.setEnabled(workspace, account.id(), false);
        readers.match();

        assertThat(readers.reader(account.id())).isEmpty();
    }

    @Test
    void theConnectionCheckSaysWhatWorked() {
        var result = factory.test(account);
        assertThat(result.ok()).isTrue();
        assertThat(result.message()).contains("SMTP: вход").contains("IMAP: вход").contains("INBOX");

        var wrongImap = accounts.add(workspace, Channel.EMAIL, EmailConnectorFactory.PROVIDER, "Неверный IMAP",
                server.settings(Map.of("imapPassword", "wrong")), 2);
        accounts.setEnabled(workspace, wrongImap.id(), false);
        var failed = factory.test(wrongImap);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.message()).contains("SMTP: вход").contains("не принял логин или пароль");
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private CustomerId customer(String address) {
        return customers.resolve(workspace, List.of(Identity.email(address)), Instant.now()).orElseThrow();
    }

    private OutboundMessage outbound(CustomerId customer, @org.jspecify.annotations.Nullable String to, String text,
                                     MessageCategory category) {
        return new OutboundMessage(customer, Channel.EMAIL, category, text, to, "email-" + UUID.randomUUID(), false,
                Duration.ofHours(1), List.of(), List.<Attachment>of());
    }

    /** Sends through the outbox as an operator or a journey would; answers the Message-ID. */
    private String send(CustomerId customer, @org.jspecify.annotations.Nullable String to, String text, MessageCategory category) {
        var id = outbox.queue(workspace, outbound(customer, to, text, category));
        dispatcher.dispatchDue();
        var sent = outbox.find(workspace, id).orElseThrow();
        assertThat(sent.status()).as(String.valueOf(sent.failureDetail())).isEqualTo(MessageStatus.SENT);
        return sent.providerMessageId();
    }

    private UUID inboundId(String sender) {
        return jdbc.sql("select id from inbound_message where workspace_id = ? and sender = ?").params(workspace.value(), sender)
                .query(UUID.class).single();
    }

    private UUID inboundByProviderId(String providerId) {
        return jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), providerId).query(UUID.class).single();
    }

    private CustomerId customerOf(UUID inboundId) {
        return new CustomerId(jdbc.sql("select customer_id from inbound_message where id = ?").param(inboundId).query(UUID.class).single());
    }

    private UUID conversationOf(UUID inboundId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from conversation_message where inbound_message_id = ?")
                .param(inboundId).query(Long.class).single() == 1);
        return jdbc.sql("select conversation_id from conversation_message where inbound_message_id = ?").param(inboundId)
                .query(UUID.class).single();
    }

    private long inboundCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }
}
