package io.beseda.customer;

/**
 * One way to recognise a person, normalised: phones in E.164 ("8 (916) 123-45-67" and "+7 916 1234567"
 * are one number), e-mails case-folded, other ids trimmed. A phone that cannot be parsed is kept as
 * given with {@code valid = false}, never dropped.
 */
public record Identity(IdentityKind kind, String value, String raw, boolean valid) {

    public static Identity of(IdentityKind kind, String raw) {
        return Identities.normalise(kind, raw);
    }

    public static Identity phone(String raw) {
        return of(IdentityKind.PHONE, raw);
    }

    public static Identity email(String raw) {
        return of(IdentityKind.EMAIL, raw);
    }

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
