package io.beseda.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityNormalisationTests {

    @ParameterizedTest
    @ValueSource(strings = {"8 (916) 123-45-67", "+7 916 1234567", "89161234567", "+7(916)123-45-67", "7 916 123 45 67",
            "9161234567", "8-916-123-45-67"})
    void russianMobileNumbersInEveryCommonFormatAreOneNumber(String written) {
        var phone = Identity.phone(written);

        assertThat(phone.valid()).isTrue();
        assertThat(phone.value()).isEqualTo("+79161234567");
        assertThat(phone.raw()).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"8 (495) 123-45-67, +74951234567", "+375 29 123-45-67, +375291234567", "+49 30 1234567, +49301234567"})
    void landlinesAndForeignNumbersAreNormalisedToo(String written, String e164) {
        assertThat(Identity.phone(written).value()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"позвоните мне", "12345", "+7 916 12"})
    void aNumberThatCannotBeParsedIsKeptAsGivenAndFlagged(String written) {
        var phone = Identity.phone(written);

        assertThat(phone.valid()).isFalse();
        assertThat(phone.value()).isEqualTo(written.strip());
    }

    @ParameterizedTest
    @CsvSource({"Anna.Petrova@Mail.RU, anna.petrova@mail.ru", "'  ivan@yandex.ru ', ivan@yandex.ru"})
    void emailsAreCaseFolded(String written, String normalised) {
        assertThat(Identity.email(written).value()).isEqualTo(normalised);
    }
}
