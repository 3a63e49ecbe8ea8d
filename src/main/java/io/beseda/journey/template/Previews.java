package io.beseda.journey.template;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * A template filled in with a real customer's data before a journey goes live. Nothing is stored: the coupon is a
 * sample («PREVIEW-…», not issued), and the cart link restores the customer's cart but counts no click.
 */
@Service
public class Previews {

    static final String STEP = "preview";
    private static final CouponSpec SAMPLE = new CouponSpec("PREVIEW", "10%", Duration.ofDays(7));

    private final MessageRenderer renderer;
    private final Coupons coupons;
    private final Clock clock;

    Previews(MessageRenderer renderer, Coupons coupons, Clock clock) {
        this.renderer = renderer;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** @throws TemplateProblem when the template cannot be used, as {@link MessageRenderer#render} says */
    public Rendered preview(WorkspaceId workspace, CustomerId customer, ChannelTemplate template, Channel channel) {
        return preview(workspace, customer, template, channel, SAMPLE);
    }

    /** The same with the coupon the step would issue, shown with a sample code. */
    public Rendered preview(WorkspaceId workspace, CustomerId customer, ChannelTemplate template, Channel channel,
                            CouponSpec coupon) {
        var sample = new Coupon(coupons.code("PREVIEW"), coupon.discount(), clock.instant().plus(coupon.validFor()));
        return renderer.render(template, new RenderFacts(workspace, customer, CartLinks.PREVIEW_RUN, STEP, channel, sample, null));
    }
}
