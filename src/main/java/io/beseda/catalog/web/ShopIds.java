package io.beseda.catalog.web;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.beseda.shared.Problems;

/** The shop's own ids for what it keeps here (a store, a promotion): up to 100 letters, digits and . _ : - */
final class ShopIds {

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,100}");

    private ShopIds() {
    }

    /**
     * @param field  the path variable, named in the problem
     * @param whatRu what the id names, in Russian («Id магазина»)
     * @param whatEn and in English ("a store id")
     */
    static void check(String id, String field, String whatRu, String whatEn) {
        if (!ID.matcher(id).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.badField("Bad Request",
                    whatRu + " — до 100 букв, цифр и знаков . _ : - · " + whatEn + " is up to 100 letters, digits and . _ : -",
                    field, "must be up to 100 letters, digits and . _ : -"), null);
        }
    }
}
