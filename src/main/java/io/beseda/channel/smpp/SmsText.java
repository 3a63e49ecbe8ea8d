package io.beseda.channel.smpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.SmsParts;

/** Short message bytes and their data_coding, both ways. */
final class SmsText {

    static final byte GSM7 = 0x00;
    static final byte UCS2 = 0x08;

    private SmsText() {
    }

    static byte dataCoding(SmsParts.Encoding encoding) {
        return encoding == SmsParts.Encoding.GSM7 ? GSM7 : UCS2;
    }

    static byte[] encode(String text, SmsParts.Encoding encoding) {
        return encoding == SmsParts.Encoding.GSM7 ? SmsParts.encodeGsm7(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    /**
     * The text of a customer's SMS by its data_coding: the SMSC default alphabet (GSM-7, one septet a byte),
     * IA5, Latin-1, Cyrillic (ISO-8859-5) or UCS-2, also in the GSM 03.38 coding groups; null for binary data.
     */
    static @Nullable String decode(byte dataCoding, byte[] bytes) {
        int dcs = dataCoding & 0xFF;
        return switch (dcs) {
            case 0x00 -> SmsParts.decodeGsm7(bytes);
            case 0x01 -> new String(bytes, StandardCharsets.US_ASCII);
            case 0x03 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case 0x06 -> new String(bytes, Charset.forName("ISO-8859-5"));
            case 0x08 -> new String(bytes, StandardCharsets.UTF_16BE);
            default -> {
                int alphabet;
                if ((dcs & 0xE0) == 0x00 || (dcs & 0xF0) == 0xC0 || (dcs & 0xF0) == 0xD0) {
                    alphabet = (dcs & 0xF0) == 0xD0 || (dcs & 0xF0) == 0xC0 ? 0 : (dcs >> 2) & 0x03;
                } else if ((dcs & 0xF0) == 0xE0) {
                    alphabet = 2;
                } else if ((dcs & 0xF0) == 0xF0) {
                    alphabet = (dcs & 0x04) == 0 ? 0 : 1;
                } else {
                    alphabet = 1;
                }
                yield switch (alphabet) {
                    case 0 -> SmsParts.decodeGsm7(bytes);
                    case 2 -> new String(bytes, StandardCharsets.UTF_16BE);
                    default -> null;
                };
            }
        };
    }
}
