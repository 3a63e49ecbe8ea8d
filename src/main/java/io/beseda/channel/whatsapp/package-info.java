/**
 * WhatsApp Business Cloud API (Meta's Graph API): sending through a business phone number, the signed webhook
 * for customers' messages and statuses, and the account's approved message templates.
 */
@NullMarked
package io.beseda.channel.whatsapp;

import org.jspecify.annotations.NullMarked;
