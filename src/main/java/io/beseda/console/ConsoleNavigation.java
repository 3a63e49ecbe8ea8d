package io.beseda.console;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

import io.beseda.workspace.Role;

/**
 * The console's main navigation, in the order the product will have it: Inbox, Customers, Journeys,
 * Campaigns, Analytics, Settings. A section is listed here once its pages exist.
 */
@Component
public class ConsoleNavigation {

    private final List<ConsoleSection> sections = List.of(
            new ConsoleSection("nav.home", "/", EnumSet.allOf(Role.class)),
            new ConsoleSection("nav.inbox", "/inbox", EnumSet.of(Role.OWNER, Role.ADMIN, Role.OPERATOR)),
            // Every role serves customers: operators in chats, marketers and analysts in segments, admins in support.
            new ConsoleSection("nav.customers", "/customers", EnumSet.allOf(Role.class)),
            // Operators look products up for customers; marketers and analysts keep the feed in shape.
            new ConsoleSection("nav.catalog", "/catalog", EnumSet.allOf(Role.class)),
            // Everyone reads what the bot says and knows; owners, admins and marketers change it on the page.
            new ConsoleSection("nav.bot", "/bot", EnumSet.allOf(Role.class)),
            // Marketers design journeys with owners and admins; analysts read their statistics.
            new ConsoleSection("nav.journeys", "/journeys", EnumSet.of(Role.OWNER, Role.ADMIN, Role.MARKETER, Role.ANALYST)),
            new ConsoleSection("nav.sandbox", "/sandbox", EnumSet.allOf(Role.class)),
            new ConsoleSection("nav.settings", "/settings/users", EnumSet.of(Role.OWNER, Role.ADMIN)));

    public List<ConsoleSection> visibleTo(Role role) {
        return sections.stream().filter(s -> s.visibleTo(role)).toList();
    }
}
