package io.beseda.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.LoyaltyCard;
import io.beseda.catalog.LoyaltyCards;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/loyalty-cards")
@Tag(name = "Catalogue", description = "Feed imports, offers, stores, promotions, loyalty cards and search synonyms")
class LoyaltyCardsApiController {

    record NewCard(@NotBlank @Pattern(regexp = "[0-9 -]{4,40}") String number, @NotBlank @Size(max = 50) String tier,
                   @NotNull @DecimalMin("0") BigDecimal balance) {
    }

    record Holder(@NotNull UUID customerId) {
    }

    private final LoyaltyCards cards;
    private final Customers customers;

    LoyaltyCardsApiController(LoyaltyCards cards, Customers customers) {
        this.cards = cards;
        this.customers = customers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a card (not activated until its holder activates it)", description = "409 when the number is taken.")
    LoyaltyCard issue(Actor actor, @Valid @RequestBody NewCard card) {
        if (cards.find(actor.workspaceId(), card.number()).isPresent()) {
            throw new RuleViolationException("catalog.loyalty.number-taken", "A card with this number exists");
        }
        return cards.issue(actor.workspaceId(), card.number(), card.tier().strip(), card.balance());
    }

    @GetMapping
    @Operation(summary = "A customer's cards, the usable one first")
    List<LoyaltyCard> ofCustomer(Actor actor, @RequestParam UUID customerId) {
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        return cards.of(actor.workspaceId(), customer.id());
    }

    @GetMapping("/{number}")
    @Operation(summary = "One card by its number (spaces and dashes ignored)")
    LoyaltyCard get(Actor actor, @PathVariable String number) {
        return card(actor, number);
    }

    @PostMapping("/{number}/activate")
    @Operation(summary = "The holder activates a new card", description = "409 when the card is active for someone else, blocked or replaced.")
    LoyaltyCard activate(Actor actor, @PathVariable String number, @RequestBody(required = false) @Valid Holder holder) {
        card(actor, number);
        if (holder == null || holder.customerId() == null) {
            throw new RuleViolationException("catalog.loyalty.holder-missing", "customerId is required");
        }
        var customer = customers.get(actor.workspaceId(), new CustomerId(holder.customerId()));
        return cards.activate(actor.workspaceId(), number, customer.id());
    }

    @PostMapping("/{number}/replace")
    @Operation(summary = "Replace a lost card: a new number carries the balance and tier; the old card stops working")
    LoyaltyCard replace(Actor actor, @PathVariable String number) {
        card(actor, number);
        return cards.replace(actor.workspaceId(), number);
    }

    private LoyaltyCard card(Actor actor, String number) {
        return cards.find(actor.workspaceId(), number).orElseThrow(() -> new NotFoundException("Loyalty card", number));
    }
}
