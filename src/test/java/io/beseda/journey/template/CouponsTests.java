package io.beseda.journey.template;

import java.time.Duration;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.testing.BesedaTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Coupons a journey hands out: the same key gives the same coupon, different keys different codes. */
@BesedaTest
class CouponsTests {

    private static final CouponSpec TEN_PERCENT = new CouponSpec("cart", "10%", Duration.ofDays(3));

    @LocalServerPort int port;
    @Autowired ShopWithACustomer shops;
    @Autowired Coupons coupons;
    @Autowired JdbcClient jdbc;

    @Test
    void theSameKeyReturnsTheSameCouponEvenWhenAskedAtOnce() throws Exception {
        var shop = shops.create(port);
        var workspace = shop.tenant().workspace().id();
        var key = "run-" + UUID.randomUUID() + "/coupon";

        Callable<Coupon> issue = () -> coupons.issue(workspace, shop.customer(), TEN_PERCENT, key);
        var issued = new java.util.ArrayList<Coupon>();
        try (var threads = Executors.newFixedThreadPool(4)) {
            for (var racing : threads.invokeAll(java.util.Collections.nCopies(8, issue))) {
                issued.add(racing.get());
            }
        }
        var first = issued.getFirst();
        assertThat(issued).allMatch(first::equals);
        assertThat(coupons.issue(workspace, shop.customer(), TEN_PERCENT, key)).as("asked again later").isEqualTo(first);

        assertThat(first.code()).matches("CART-[2-9A-HJKMNP-Z]{10}");
        assertThat(first.discount()).isEqualTo("10%");
        assertThat(first.validUntil()).isAfter(java.time.Instant.now().plus(Duration.ofDays(3)).minusSeconds(60));
        assertThat(jdbc.sql("select count(*) from journey_coupon where workspace_id = ?").param(workspace.value())
                .query(Long.class).single()).isOne();
    }

    @Test
    void differentKeysGetDifferentCodesThatDoNotFollowFromOneAnother() {
        var shop = shops.create(port);
        var workspace = shop.tenant().workspace().id();
        var run = UUID.randomUUID();

        var codes = new HashSet<String>();
        for (int i = 0; i < 300; i++) {
            codes.add(coupons.issue(workspace, shop.customer(), TEN_PERCENT, run + "/" + i).code());
        }

        assertThat(codes).hasSize(300).allMatch(code -> code.matches("CART-[2-9A-HJKMNP-Z]{10}"));
        var sorted = codes.stream().sorted().toList();
        assertThat(sorted.getFirst().substring(5, 8)).as("codes spread over the alphabet, not counted up")
                .isNotEqualTo(sorted.getLast().substring(5, 8));
        assertThat(jdbc.sql("select count(distinct code) from journey_coupon where workspace_id = ?").param(workspace.value())
                .query(Long.class).single()).isEqualTo(300);
    }

    @Test
    void anotherWorkspacesCustomerGetsNoCoupon() {
        var mine = shops.create(port);
        var theirs = shops.create(port);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> coupons.issue(mine.tenant().workspace().id(), theirs.customer(),
                TEN_PERCENT, "run-" + UUID.randomUUID())).isInstanceOf(io.beseda.shared.NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from journey_coupon where customer_id = ?").param(theirs.customer().value())
                .query(Long.class).single()).isZero();
    }
}
