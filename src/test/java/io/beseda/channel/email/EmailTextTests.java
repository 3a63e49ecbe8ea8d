package io.beseda.channel.email;

import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import io.beseda.channel.QuickReply;
import io.beseda.channel.SendResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The text work of e-mail, without a server: quotes, HTML both ways, reports, SMTP answers. */
class EmailTextTests {

    @Test
    void cutsGmailsTwoLineOpenerAndQuotedLines() {
        var text = """
                Thanks, that works.

                On Mon, 1 Jun 2026 at 10:00, Магазин Ромашка <support@shop.test>
                wrote:
                > Your order has shipped
                """;

        assertThat(QuotedText.trim(text)).isEqualTo("Thanks, that works.");
    }

    @Test
    void cutsRussianAndOutlookOpeners() {
        assertThat(QuotedText.trim("Жду.\n\nМагазин Ромашка написал(а):\nВаш заказ готов")).isEqualTo("Жду.");
        assertThat(QuotedText.trim("Хорошо\n-----Original Message-----\nFrom: shop")).isEqualTo("Хорошо");
        assertThat(QuotedText.trim("Хорошо\n\nFrom: Магазин <shop@shop.test>\nSent: Monday\nSubject: заказ")).isEqualTo("Хорошо");
        assertThat(QuotedText.trim("Да\n________________________________\nОт: Магазин")).isEqualTo("Да");
    }

    @Test
    void keepsAMailThatIsAllQuote() {
        assertThat(QuotedText.trim("> только цитата")).isEqualTo("> только цитата");
    }

    @Test
    void turnsHtmlIntoTextWithoutScriptsAndWithQuotesMarked() {
        var html = "<html><head><style>p{}</style><script>alert(1)</script></head><body><p>Привет&nbsp;&amp; спасибо!</p>"
                + "<div>Вторая строка<br>третья &lt;b&gt;</div><blockquote>старое письмо</blockquote></body></html>";

        var text = HtmlText.of(html);

        assertThat(text).doesNotContain("alert").doesNotContain("p{}").contains("Привет & спасибо!")
                .contains("Вторая строка\nтретья <b>").contains("> старое письмо");
        assertThat(QuotedText.trim(text)).isEqualTo("Привет & спасибо!\n\nВторая строка\nтретья <b>");
    }

    @Test
    void makesHtmlOnlyFromEscapedText() {
        var html = HtmlBody.of("<img src=x onerror=alert(1)>\n\n\"Цитата\" https://shop.test/a?x=1&y=2.",
                List.of(), List.of(new QuickReply("<b>Да</b>", "yes")), "shop@shop.test", "Тема", null);

        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;Цитата&quot;").contains("<a href=\"https://shop.test/a?x=1&amp;y=2\">https://shop.test/a?x=1&amp;y=2</a>.")
                .doesNotContain("<b>Да</b>").contains("&lt;b&gt;Да&lt;/b&gt;</a>")
                .contains("mailto:shop@shop.test?subject=Re%3A%20%D0");
    }

    @Test
    void readsAPermanentFailureFromADeliveryStatusNotification() throws Exception {
        var bounce = Bounce.of(Mails.deliveryReport("lost@customer.test", "<beseda.1@shop.test>", "5.1.1")).orElseThrow();

        assertThat(bounce.hard()).isTrue();
        assertThat(bounce.recipients()).containsExactly("lost@customer.test");
        assertThat(bounce.messageIds()).containsExactly("<beseda.1@shop.test>");
        assertThat(bounce.reason()).contains("5.1.1").contains("User unknown");
    }

    @Test
    void readsABounceWithoutAReportFromTheMailServersWords() throws Exception {
        var id = "<beseda.0f8fad5b-d9cb-469f-a165-70867728950e@shop.test>";
        var mail = new MimeMessage(MailServer.session());
        mail.setFrom(new InternetAddress("MAILER-DAEMON@mx.shop.test", "Mail Delivery System"));
        mail.setSubject("Недоставленное сообщение", "UTF-8");
        mail.setText("Сообщение не доставлено: 550 Mailbox not found\nMessage-ID: " + id + "\n", "UTF-8");
        mail.saveChanges();

        var bounce = Bounce.of(mail).orElseThrow();

        assertThat(bounce.messageIds()).containsExactly(id);
        assertThat(bounce.hard()).isTrue();
    }

    @Test
    void aPersonsMailIsNoBounceWhateverItsSubject() throws Exception {
        var mail = new MimeMessage(MailServer.session());
        mail.setFrom(new InternetAddress("joker@customer.test"));
        mail.setSubject("Undelivered Mail Returned to Sender");
        mail.setText("550 5.1.1 <beseda.0f8fad5b-d9cb-469f-a165-70867728950e@shop.test>");
        mail.saveChanges();

        assertThat(Bounce.of(mail)).isEmpty();
        assertThat(Bounce.fromMailServer(mail)).isFalse();
    }

    @Test
    void mapsSmtpAnswersToRetryOrGiveUp() {
        assertThat(EmailConnector.failure(new AuthenticationFailedException("535 bad credentials"))).isInstanceOf(SendResult.Permanent.class);
        assertThat(EmailConnector.failure(send(new SMTPAddressFailedException(null, "RCPT", 550, "no such user"))))
                .isInstanceOf(SendResult.Permanent.class);
        assertThat(EmailConnector.failure(send(new SMTPSendFailedException("DATA", 451, "try later", null, null, null, null))))
                .isInstanceOf(SendResult.Transient.class);
        assertThat(EmailConnector.failure(new MessagingException("Could not connect", new java.net.ConnectException("refused"))))
                .isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void answersInTheCustomersThread() {
        assertThat(EmailConnector.reSubject("Размер")).isEqualTo("Re: Размер");
        assertThat(EmailConnector.reSubject("RE: Размер")).isEqualTo("RE: Размер");
        assertThat(EmailConnector.reSubject("Ответ:\r\n Размер")).isEqualTo("Ответ: Размер");
    }

    private static MessagingException send(Exception cause) {
        return new jakarta.mail.SendFailedException("Sending failed", cause);
    }
}
