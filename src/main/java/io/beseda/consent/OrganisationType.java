package io.beseda.consent;

/**
 * What kind of organisation the workspace is. Banks, state-owned companies and marketplaces may not use
 * the restricted foreign messengers with their customers; other shops may.
 */
public enum OrganisationType {
    BANK, STATE_OWNED, MARKETPLACE, OTHER;

    public boolean forbidsRestrictedChannels() {
        return this != OTHER;
    }
}
