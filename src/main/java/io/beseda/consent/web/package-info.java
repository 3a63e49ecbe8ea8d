/**
 * Consent over HTTP: the REST API (/api/v1), the send-policy settings page with its dry run, and the
 * public unsubscribe page (/u/{token}).
 */
@NullMarked
package io.beseda.consent.web;

import org.jspecify.annotations.NullMarked;
