package io.beseda.channel;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How an SMS text travels and what it costs in parts: GSM-7 (the GSM 03.38 default alphabet, an extension-table
 * character such as € or [ counting two) when every character fits, else UCS-2. A single part holds 160 GSM-7 or
 * 70 UCS-2 characters; a concatenated message's parts hold 153 and 67 (the rest is the UDH). A part never ends
 * inside a character: not between an escape and its extension character, not inside a surrogate pair (an emoji
 * is two UCS-2 units).
 *
 * @param encoding       GSM-7 or UCS-2
 * @param parts          how many SMS the text is sent as (at least one)
 * @param charactersLeft how many more units (GSM-7 septets or UCS-2 code units) fit into the last part
 */
public record SmsParts(Encoding encoding, int parts, int charactersLeft) {

    /** The two alphabets an SMS text goes out in. */
    public enum Encoding {
        GSM7("GSM-7", 160, 153), UCS2("UCS-2", 70, 67);

        private final String label;
        private final int single;
        private final int concatenated;

        Encoding(String label, int single, int concatenated) {
            this.label = label;
            this.single = single;
            this.concatenated = concatenated;
        }

        public String label() {
            return label;
        }

        public int single() {
            return single;
        }

        public int concatenated() {
            return concatenated;
        }
    }

    /** What one part costs when the SMS account does not say (a typical Russian aggregator's price, documented in docs/channels/sms-smpp.md). */
    public static final BigDecimal DEFAULT_PRICE_PER_PART = new BigDecimal("3.50");

    /** The default alphabet, by septet; 0x1B is the escape to the extension table and stands for no character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;
    /** The extension table: character, then the septet that follows the escape. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    public static SmsParts of(String text) {
        var encoding = encodingOf(text);
        var split = split(text, encoding);
        int used = units(split.getLast(), encoding);
        int capacity = split.size() == 1 ? encoding.single() : encoding.concatenated();
        return new SmsParts(encoding, split.size(), capacity - used);
    }

    /** What {@code parts} of the text cost at the given price per part. */
    public BigDecimal cost(BigDecimal pricePerPart) {
        return pricePerPart.multiply(BigDecimal.valueOf(parts));
    }

    public static Encoding encodingOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM7;
    }

    /** The text cut into the parts it is sent as, in its own encoding; one part when it fits a single SMS. */
    public static List<String> split(String text) {
        return split(text, encodingOf(text));
    }

    private static List<String> split(String text, Encoding encoding) {
        if (units(text, encoding) <= encoding.single()) {
            return List.of(text);
        }
        var parts = new ArrayList<String>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int width = encoding == Encoding.GSM7 ? septets(text.charAt(i)) : Character.charCount(text.codePointAt(i));
            int length = encoding == Encoding.GSM7 ? 1 : width;
            if (used + width > encoding.concatenated()) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += width;
            i += length;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int units(String text, Encoding encoding) {
        if (encoding == Encoding.UCS2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += septets(text.charAt(i));
        }
        return septets;
    }

    /** 1 for a default-alphabet character, 2 for an extension-table one, 0 for one GSM-7 cannot carry. */
    private static int septets(char c) {
        if (c != 0 && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** The text as unpacked GSM-7 septets, one per byte (as SMPP's data_coding 0 carries them). */
    public static byte[] encodeGsm7(String text) {
        var out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == 0 ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("GSM-7 cannot carry U+" + Integer.toHexString(c));
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[extension]);
        }
        return out.toByteArray();
    }

    /** Unpacked GSM-7 septets back to text; an unknown escape reads as a space, as GSM 03.38 asks. */
    public static String decodeGsm7(byte[] septets) {
        var text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                char extension = ' ';
                for (int e = 0; e < EXTENSION_CODES.length; e++) {
                    if (EXTENSION_CODES[e] == next) {
                        extension = EXTENSION.charAt(e);
                    }
                }
                text.append(extension);
            } else {
                text.append(septet == ESCAPE ? ' ' : BASIC.charAt(septet));
            }
        }
        return text.toString();
    }
}
