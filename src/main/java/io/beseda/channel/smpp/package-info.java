/**
 * SMS through an SMS centre over SMPP 3.4 (jSMPP): one bound transceiver session per account, kept alive and
 * rebound, GSM-7/UCS-2 parts with concatenation headers, delivery receipts and customers' SMS from deliver_sm.
 */
@NullMarked
package io.beseda.channel.smpp;

import org.jspecify.annotations.NullMarked;
