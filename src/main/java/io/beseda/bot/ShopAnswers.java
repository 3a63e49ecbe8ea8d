package io.beseda.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.beseda.catalog.LoyaltyCard;
import io.beseda.catalog.LoyaltyCards;
import io.beseda.catalog.Promotions;
import io.beseda.catalog.search.CatalogSearch;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/** Products from the catalogue with prices and links, the promotions running for this customer, the loyalty card. */
@Component
class ShopAnswers {

    static final int PRODUCTS = 5;
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d[\\d -]{8,20}\\d)(?!\\d)");
    private static final Pattern LOST = Pattern.compile("(?:потерял|потеряла|утерян|украли|пропала|сломал|замен|нов(?:ую|ая) карт)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTIVATE = Pattern.compile("активир|привяз|зарегистрир", Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    private final CatalogSearch search;
    private final Promotions promotions;
    private final LoyaltyCards cards;

    ShopAnswers(CatalogSearch search, Promotions promotions, LoyaltyCards cards) {
        this.search = search;
        this.promotions = promotions;
        this.cards = cards;
    }

    Reply products(WorkspaceId workspace, BotSettings.Settings settings, Session session, String text) {
        var answer = search.search(workspace, text, PRODUCTS);
        if (answer.found().isEmpty()) {
            return Reply.answered(session.understood().tried("product_search: ничего не нашлось по «" + Phrases.clip(text, 80) + "»"),
                    new Said(settings.text("products_none"), Buttons.OPERATOR));
        }
        var lines = answer.found().stream().map(ShopAnswers::line).collect(Collectors.joining("\n"));
        return Reply.answered(session.understood().tried("product_search: показано товаров — " + answer.found().size()),
                Said.text(Phrases.fill(settings.text("products"), Map.of("understood", understood(answer.understood()), "products", lines))));
    }

    private static String line(CatalogSearch.Found found) {
        var line = new StringBuilder("• ").append(found.name()).append(" — ").append(Phrases.money(found.price()));
        if (found.oldPrice() != null && found.oldPrice().compareTo(found.price()) > 0) {
            line.append(" (было ").append(Phrases.money(found.oldPrice())).append(')');
        }
        if (!found.stores().isEmpty()) {
            line.append("; в магазинах: ").append(found.stores().stream().map(CatalogSearch.Store::city).distinct()
                    .collect(Collectors.joining(", ")));
        }
        if (found.url() != null) {
            line.append("\n  ").append(found.url());
        }
        return line.toString();
    }

    private static String understood(CatalogSearch.Understood understood) {
        var parts = new ArrayList<String>();
        if (understood.category() != null) {
            parts.add(understood.category().toLowerCase(java.util.Locale.ROOT));
        }
        if (understood.cheap()) {
            parts.add("недорого");
        }
        if (understood.maxPrice() != null) {
            parts.add("до " + Phrases.money(understood.maxPrice()));
        }
        if (understood.minPrice() != null) {
            parts.add("от " + Phrases.money(understood.minPrice()));
        }
        if (understood.size() != null) {
            parts.add("размер " + understood.size());
        }
        parts.addAll(understood.colours());
        if (understood.newest()) {
            parts.add("сначала новые модели");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    Reply promotions(WorkspaceId workspace, CustomerId customer, BotSettings.Settings settings, Session session) {
        var running = promotions.current(workspace, customer);
        if (running.isEmpty()) {
            return Reply.answered(session.understood().tried("promotions: акций нет"), Said.text(settings.text("promotions_none")));
        }
        var lines = running.stream().map(p -> "• " + p.title() + " — " + p.terms() + (p.url() == null ? "" : "\n  " + p.url()))
                .collect(Collectors.joining("\n"));
        return Reply.answered(session.understood().tried("promotions: показано акций — " + running.size()),
                Said.text(Phrases.fill(settings.text("promotions"), Map.of("promotions", lines))));
    }

    /** {@code live == false} in the console's test chat: nothing is activated there. */
    Reply loyalty(WorkspaceId workspace, CustomerId customer, BotSettings.Settings settings, Session session, String text, boolean live) {
        if (LOST.matcher(text).find()) {
            // the holder's own active card is replaced at once (the balance and tier move to a new number); any
            // other card needs a person to check who is asking
            var own = cards.of(workspace, customer).stream().filter(c -> c.status() == LoyaltyCard.Status.ACTIVE).findFirst();
            if (own.isPresent()) {
                var replaced = live ? cards.replace(workspace, own.get().number()) : own.get();
                return Reply.answered(session.understood().tried("loyalty_card: карта " + own.get().number() + " заменена на " + replaced.number()),
                        Said.text(Phrases.fill(settings.text("loyalty_replaced"), java.util.Map.of("old", own.get().number(),
                                "number", live ? replaced.number() : "—", "balance", values(replaced).get("balance")))));
            }
            return Reply.handOff(session.tried("loyalty_card: карта потеряна — нужен оператор"), Outcome.Reason.LOST_CARD,
                    Said.text(settings.text("loyalty_lost")));
        }
        var typed = CARD.matcher(text);
        String number = typed.find() ? LoyaltyCards.normalise(typed.group(1)) : session.collected().get("card");
        if (number == null) {
            var own = cards.of(workspace, customer);
            if (!own.isEmpty()) {
                return Reply.answered(session.understood().tried("loyalty_card: баланс своей карты"), Said.text(describe(settings, own.getFirst())));
            }
            return Reply.asked(session.waitingFor(Session.Awaiting.CARD, Intent.LOYALTY_CARD), Said.text(settings.text("loyalty_ask_number")));
        }
        var next = session.with("card", number).waitingFor(null, null);
        var card = cards.find(workspace, number);
        if (card.isEmpty()) {
            return new Reply(List.of(new Said(Phrases.fill(settings.text("loyalty_not_found"), Map.of("number", number)), Buttons.OPERATOR)),
                    next.waitingFor(Session.Awaiting.CARD, Intent.LOYALTY_CARD).misunderstood().tried("loyalty_card: карта " + number + " не найдена"),
                    Outcome.Kind.ASKED, null, null);
        }
        var found = card.get();
        if (ACTIVATE.matcher(text).find()) {
            var activatable = found.status() == LoyaltyCard.Status.NOT_ACTIVATED
                    || found.status() == LoyaltyCard.Status.ACTIVE && customer.equals(found.customer());
            if (!activatable) {
                return Reply.handOff(next.tried("loyalty_card: карту " + number + " нельзя активировать (" + found.status() + ")"),
                        Outcome.Reason.LOST_CARD, Said.text(settings.text("handoff")));
            }
            var activated = live ? cards.activate(workspace, number, customer) : found;
            return Reply.answered(next.understood().tried("loyalty_card: карта " + number + " активирована"),
                    Said.text(Phrases.fill(settings.text("loyalty_activated"), values(activated))));
        }
        if (found.customer() != null && !found.customer().equals(customer)) {
            // someone else's card: say it exists, never its balance
            return Reply.answered(next.understood().tried("loyalty_card: карта " + number + " чужая — баланс не сообщён"),
                    new Said("Карта " + number + " привязана к другому покупателю. Баланс может узнать только её владелец; если это ваша карта — позовите оператора.",
                            Buttons.OPERATOR));
        }
        return Reply.answered(next.understood().tried("loyalty_card: сообщён баланс карты " + number), Said.text(describe(settings, found)));
    }

    private static String describe(BotSettings.Settings settings, LoyaltyCard card) {
        var text = Phrases.fill(settings.text("loyalty_card"), values(card));
        return card.status() == LoyaltyCard.Status.NOT_ACTIVATED
                ? text + "\nКарта ещё не активирована: напишите «активировать карту " + card.number() + "»." : text;
    }

    private static Map<String, String> values(LoyaltyCard card) {
        var status = switch (card.status()) {
            case NOT_ACTIVATED -> "не активирована";
            case ACTIVE -> "активна";
            case BLOCKED -> "заблокирована";
            case REPLACED -> "заменена на новую";
        };
        return Map.of("number", card.number(), "status", status, "tier", card.tier(),
                "balance", card.balance().setScale(0, java.math.RoundingMode.DOWN).toPlainString());
    }
}
