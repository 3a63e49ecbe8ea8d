package io.beseda.channel.smpp;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The concatenation user data header (3GPP TS 23.040 9.2.3.24.1): one SMS of a longer message says which message
 * it belongs to (a reference), how many parts there are and which one it is. Beseda sends 8-bit references
 * (IEI 0x00); phones and SMS centres also use 16-bit ones (IEI 0x08), which it reads.
 */
record Udh(int reference, int total, int seq, byte[] payload) {

    /** The header of part {@code seq} of {@code total}, with an 8-bit reference, followed by the part's bytes. */
    static byte[] concatenated(int reference, int total, int seq, byte[] part) {
        var out = new byte[6 + part.length];
        out[0] = 5;
        out[1] = 0x00;
        out[2] = 3;
        out[3] = (byte) reference;
        out[4] = (byte) total;
        out[5] = (byte) seq;
        System.arraycopy(part, 0, out, 6, part.length);
        return out;
    }

    /**
     * Reads a short message that starts with a user data header; null when the header is malformed. A header
     * without a concatenation element reads as part 1 of 1.
     */
    static @Nullable Udh read(byte[] message) {
        if (message.length == 0) {
            return null;
        }
        int length = message[0] & 0xFF;
        if (1 + length > message.length) {
            return null;
        }
        int reference = 0;
        int total = 1;
        int seq = 1;
        for (int at = 1; at < 1 + length; ) {
            if (at + 1 >= 1 + length) {
                return null;
            }
            int iei = message[at] & 0xFF;
            int size = message[at + 1] & 0xFF;
            int data = at + 2;
            if (data + size > 1 + length) {
                return null;
            }
            if (iei == 0x00 && size == 3) {
                reference = message[data] & 0xFF;
                total = message[data + 1] & 0xFF;
                seq = message[data + 2] & 0xFF;
            } else if (iei == 0x08 && size == 4) {
                reference = ((message[data] & 0xFF) << 8) | (message[data + 1] & 0xFF);
                total = message[data + 2] & 0xFF;
                seq = message[data + 3] & 0xFF;
            }
            at = data + size;
        }
        if (total < 1 || seq < 1 || seq > total) {
            return null;
        }
        return new Udh(reference, total, seq, Arrays.copyOfRange(message, 1 + length, message.length));
    }
}
