package io.beseda.customer.segment;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Segment;
import io.beseda.customer.segment.SegmentApiViews.CustomerSegmentView;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Segments")
class CustomerSegmentsApiController {

    private final Customers customers;
    private final SegmentStore store;
    private final Membership membership;

    CustomerSegmentsApiController(Customers customers, SegmentStore store, Membership membership) {
        this.customers = customers;
        this.store = store;
        this.membership = membership;
    }

    @GetMapping("/api/v1/customers/{customerId}/segments")
    @Operation(summary = "The segments a customer is in now (for a merged profile: those of the profile it was merged into)")
    List<CustomerSegmentView> segments(Actor actor, @PathVariable UUID customerId) {
        var workspace = actor.workspaceId();
        var customer = customers.get(workspace, new CustomerId(customerId)).id();
        var segments = store.withMember(workspace, customer).stream().map(StoredSegment::segment)
                .collect(Collectors.toMap(Segment::id, Function.identity()));
        return membership.entries(workspace, customer).stream()
                .filter(entry -> segments.containsKey(entry.segment()))
                .map(entry -> {
                    var s = segments.get(entry.segment());
                    return new CustomerSegmentView(s.id().value(), s.name(), s.builtIn(), s.builtInKey(), entry.enteredAt());
                })
                .sorted(Comparator.comparing(CustomerSegmentView::enteredAt).reversed())
                .toList();
    }
}
