package io.beseda.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;
import io.beseda.workspace.User;
import io.beseda.workspace.UserId;
import io.beseda.workspace.WorkspaceId;

import static org.awaitility.Awaitility.await;

/** A test shop with a team, online operators and customers who write in Telegram. */
@Component
class Shop {

    final TestWorkspaces workspaces;
    final InboundMessages inbound;
    final Conversations conversations;
    final Teams teams;
    final Operators operators;
    final InboxSettings inboxSettings;
    final Inboxes inboxes;
    final Customers shopCustomers;

    Shop(TestWorkspaces workspaces, InboundMessages inbound, Conversations conversations, Teams teams, Operators operators,
         InboxSettings inboxSettings, Inboxes inboxes, Customers shopCustomers) {
        this.shopCustomers = shopCustomers;
        this.workspaces = workspaces;
        this.inbound = inbound;
        this.conversations = conversations;
        this.teams = teams;
        this.operators = operators;
        this.inboxSettings = inboxSettings;
        this.inboxes = inboxes;
    }

    Actor admin(Tenant tenant) {
        return Actor.system(tenant.workspace().id(), "test");
    }

    /** A team serving the default inbox. */
    Team team(Tenant tenant, AssignmentMode mode) {
        var team = teams.create(admin(tenant), new TeamSettings("Поддержка", mode, 30, 30));
        var ws = tenant.workspace().id();
        var inbox = inboxSettings.get(ws, inboxes.defaultInbox(ws));
        inboxSettings.update(admin(tenant), inbox.id(), new InboxChange(inbox.name(), team.id(), inbox.timeZone(),
                inbox.businessHours(), inbox.outOfOfficeText()));
        return team;
    }

    User operator(Tenant tenant, Team team, OperatorStatus status, int capacity) {
        var user = workspaces.addUser(tenant, Role.OPERATOR);
        operators.setCapacity(admin(tenant), user.id(), capacity);
        operators.setAvailability(admin(tenant), user.id(), status);
        teams.addMember(admin(tenant), team.id(), user.id());
        return user;
    }

    Actor actorOf(User user) {
        return new Actor(user.workspaceId(), Actor.Kind.USER, user.id().value(), user.displayName(), user.role());
    }

    /** The customer writes; returns their conversation once it exists. */
    Conversation write(WorkspaceId ws, String customer, String text) {
        return write(ws, customer, text, null, Instant.now());
    }

    Conversation write(WorkspaceId ws, String customer, String text, @Nullable String payload, Instant at) {
        var identity = Identity.of(IdentityKind.TELEGRAM, customer + "-" + ws);
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), identity, null, text, List.of(),
                payload, at));
        return await().atMost(Duration.ofSeconds(15)).until(() -> conversationOf(ws, customer, text), c -> c != null);
    }

    private @Nullable Conversation conversationOf(WorkspaceId ws, String customer, String text) {
        for (var conversation : conversations.list(ws, null, 500)) {
            if (conversations.messages(ws, conversation.id()).stream().anyMatch(m -> m.text().equals(text)
                    && m.direction() == ConversationMessage.Direction.IN)
                    && customerMatches(ws, conversation, customer)) {
                return conversation;
            }
        }
        return null;
    }

    private boolean customerMatches(WorkspaceId ws, Conversation conversation, String customer) {
        return shopCustomers.identities(ws, conversation.customer()).stream()
                .anyMatch(i -> i.value().equals(customer + "-" + ws));
    }

    int openChats(WorkspaceId ws, UserId user) {
        return operators.get(ws, user).openChats();
    }
}
