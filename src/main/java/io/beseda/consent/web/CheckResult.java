package io.beseda.consent.web;

import java.time.ZoneId;

import io.beseda.consent.RecordedDecision;

/** A dry run's decision with the zones the page shows its times in: the customer's and the shop's. */
record CheckResult(RecordedDecision decision, ZoneId customerZone, ZoneId workspaceZone) {
}
