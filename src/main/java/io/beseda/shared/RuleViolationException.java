package io.beseda.shared;

/**
 * A well-formed request that the workspace's rules refuse, such as disabling its last owner.
 * The message is a message-source code so the console and the API can say it in the reader's language.
 */
public class RuleViolationException extends RuntimeException {

    private final String code;

    public RuleViolationException(String code, String defaultMessage) {
        super(defaultMessage);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
