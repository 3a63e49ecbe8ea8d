package io.beseda.journey.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspaces;

/**
 * The demo shop's own server side for its «Скидки и напоминания» form, doing what a real shop's backend does
 * with such a form: it knows the visitor by their browser, phone and e-mail, and records each marketing consent
 * they ticked, with the text they saw, through the consent ledger. Only the demo workspace has it.
 */
@RestController
class DemoShopSubscriptions {

    static final String TEXT_VERSION = "demo-shop-2026";
    static final String TEXT = "Я согласен(на) получать рекламу Демо-магазина — скидки, напоминания о корзине и подборки — "
            + "по отмеченным каналам. Отказаться можно в любой момент: ответьте «СТОП» или перейдите по ссылке в письме.";

    record Subscription(@Nullable String visitorId, @Nullable String phone, @Nullable String email, @Nullable List<String> channels) {
    }

    private final Workspaces workspaces;
    private final Customers customers;
    private final Consents consents;
    private final Clock clock;

    DemoShopSubscriptions(Workspaces workspaces, Customers customers, Consents consents, Clock clock) {
        this.workspaces = workspaces;
        this.customers = customers;
        this.consents = consents;
        this.clock = clock;
    }

    @PostMapping("/demo/shop/subscribe")
    @Transactional
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody Subscription form,
                                                  @RequestHeader(value = "User-Agent", required = false) @Nullable String device) {
        var demo = workspaces.findBySlug("demo").orElse(null);
        if (demo == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "Демо-магазина нет."));
        }
        var phone = form.phone() == null || form.phone().isBlank() ? null : Identity.phone(form.phone());
        if (phone != null && !phone.valid()) {
            return bad("Телефон не похож на номер: " + form.phone().strip());
        }
        var email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return bad("E-mail не похож на адрес.");
        }
        var visitor = form.visitorId() == null || !form.visitorId().matches("[A-Za-z0-9-]{8,64}") ? null : form.visitorId();
        var channels = new ArrayList<Channel>();
        for (var name : form.channels() == null ? List.<String>of() : form.channels()) {
            switch (name) {
                case "SMS" -> channels.add(Channel.SMS);
                case "EMAIL" -> channels.add(Channel.EMAIL);
                case "PUSH" -> channels.add(Channel.PUSH);
                default -> {
                    return bad("Такого канала нет: " + name);
                }
            }
        }
        if ((channels.contains(Channel.SMS) && phone == null) || (channels.contains(Channel.EMAIL) && email == null)
                || (channels.contains(Channel.PUSH) && visitor == null)) {
            return bad("Для SMS нужен телефон, для писем — e-mail, для уведомлений — браузер с включённым скриптом.");
        }
        var identities = new ArrayList<Identity>();
        if (visitor != null) {
            identities.add(Identity.of(IdentityKind.VISITOR, visitor));
        }
        if (phone != null) {
            identities.add(phone);
        }
        if (email != null) {
            identities.add(Identity.of(IdentityKind.EMAIL, email));
        }
        if (identities.isEmpty()) {
            return bad("Укажите телефон или e-mail.");
        }
        var customer = customers.resolve(demo.id(), identities, clock.instant()).orElse(null);
        if (customer == null) {
            return bad("Эти контакты принадлежат разным покупателям или удалены по просьбе владельца.");
        }
        var actor = Actor.system(demo.id(), "demo-shop");
        if (consents.texts(demo.id()).stream().noneMatch(t -> t.purpose() == ConsentPurpose.MARKETING && t.version().equals(TEXT_VERSION))) {
            consents.registerText(actor, ConsentPurpose.MARKETING, TEXT_VERSION, TEXT);
        }
        for (var channel : channels) {
            var address = channel == Channel.SMS ? phone.value() : channel == Channel.EMAIL ? email : null;
            consents.record(actor, customer, new ConsentChange(ConsentPurpose.MARKETING, channel, address, true, TEXT_VERSION,
                    ConsentSource.CHECKOUT, null, device == null ? null : device.substring(0, Math.min(200, device.length())),
                    Map.of("form", "demo-shop-subscribe")));
        }
        return ResponseEntity.ok(Map.of("customerId", customer.value().toString(), "channels", channels.stream().map(Enum::name).toList()));
    }

    private static ResponseEntity<Map<String, Object>> bad(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }
}
