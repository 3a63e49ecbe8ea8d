/**
 * Consent: the append-only consent ledger (152-FZ personal data, 38-FZ art. 18 advertising, 126-FZ
 * art. 44.1 SMS), STOP words and unsubscribe links, suppressions, and the {@link io.beseda.consent.SendPolicy}
 * that decides for every outgoing message whether it may go now, later, or not at all, and remembers why.
 */
@NullMarked
package io.beseda.consent;

import org.jspecify.annotations.NullMarked;
