package io.beseda.channel.vk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.SendResult;

/**
 * VK did not do what was asked: an error object in its (HTTP 200) answer, an HTTP failure, or no answer at all.
 * Says whether trying again later can help, and after how long when VK's error tells.
 *
 * @param code VK's {@code error_code}; 0 when the failure was not VK's error object
 */
class VkException extends Exception {

    private final int code;
    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    VkException(int code, String reason, boolean retryable, @Nullable Duration retryAfter) {
        super(reason);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** VK's error object, classified by its code. */
    static VkException of(int code, String message) {
        return switch (code) {
            case 6 -> new VkException(code, describe(code, message, "more than 20 requests a second"), true, Duration.ofSeconds(1));
            case 9 -> new VkException(code, describe(code, message, "VK's flood control holds the community back"), true,
                    Duration.ofMinutes(1));
            case 29 -> new VkException(code, describe(code, message, "the method's daily quota is used up"), true,
                    Duration.ofMinutes(15));
            case 1, 10 -> new VkException(code, describe(code, message, "VK failed inside"), true, null);
            case 5 -> permanent(code, message, "the community's access token is not valid (revoked or mistyped)");
            case 7, 15, 27 -> permanent(code, message, "the access token lacks a right this needs");
            case 100 -> permanent(code, message, "VK refused a parameter");
            case 900 -> permanent(code, message, "the customer has blocked the community");
            case 901 -> permanent(code, message, "the customer has not allowed the community to write to them (or denied it since)");
            case 902 -> permanent(code, message, "the customer's privacy settings do not let the community write");
            case 911 -> permanent(code, message, "VK refused the keyboard's format");
            case 912 -> permanent(code, message,
                    "buttons need the community's bot features: switch on «Возможности ботов» in its message settings");
            case 914 -> permanent(code, message, "the message is too long for VK");
            default -> permanent(code, message, "VK refused the request");
        };
    }

    static VkException transientFailure(String reason, @Nullable Duration retryAfter) {
        return new VkException(0, reason, true, retryAfter);
    }

    static VkException permanentFailure(String reason) {
        return new VkException(0, reason, false, null);
    }

    int code() {
        return code;
    }

    boolean retryable() {
        return retryable;
    }

    SendResult result() {
        return retryable ? new SendResult.Transient(getMessage(), retryAfter) : new SendResult.Permanent(getMessage());
    }

    private static VkException permanent(int code, String message, String meaning) {
        return new VkException(code, describe(code, message, meaning), false, null);
    }

    private static String describe(int code, String message, String meaning) {
        return "VK error " + code + ": " + meaning + " (" + message + ")";
    }
}
