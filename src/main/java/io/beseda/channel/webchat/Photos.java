package io.beseda.channel.webchat;

/**
 * The widget takes photos only (a product to order, a defect to return), though the channel keeps PDFs
 * too: JPEG, PNG, GIF and WebP, told by their first bytes, as Attachments does.
 */
final class Photos {

    private Photos() {
    }

    static boolean isPhoto(byte[] b) {
        return starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 0x89, 'P', 'N', 'G') || starts(b, 'G', 'I', 'F', '8')
                || b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
