package io.beseda.customer.segment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the segments API reads and writes. */
final class SegmentApiViews {

    private SegmentApiViews() {
    }

    /** A segment to create or the new state of one; the rule is checked as {@code rule.…} paths. */
    record SegmentRequest(@NotBlank @Size(max = 100) String name, @NotNull JsonNode rule) {
    }

    record PreviewRequest(@NotNull JsonNode rule) {
    }

    record SegmentView(UUID id, String name, boolean builtIn, @Nullable String builtInKey, JsonNode rule,
                       long members, Instant createdAt, @Nullable Instant evaluatedAt) {

        static SegmentView of(StoredSegment stored, JsonMapper json) {
            var s = stored.segment();
            return new SegmentView(s.id().value(), s.name(), s.builtIn(), s.builtInKey(), json.readTree(stored.rule()),
                    s.members(), s.createdAt(), s.evaluatedAt());
        }
    }

    record MemberView(UUID customerId, @Nullable String name, @Nullable String email, @Nullable String phone,
                      @Nullable Instant enteredAt) {

        static MemberView of(Member member) {
            return new MemberView(member.id().value(), member.name(), member.email(), member.phone(), member.enteredAt());
        }
    }

    record MembersView(List<MemberView> items, int page, int size, long total) {

        static MembersView of(MemberPage page) {
            return new MembersView(page.items().stream().map(MemberView::of).toList(), page.page(), page.size(),
                    page.total());
        }
    }

    record PreviewView(long count, List<MemberView> sample) {

        static PreviewView of(SegmentEditor.Preview preview) {
            return new PreviewView(preview.count(), preview.sample().stream().map(MemberView::of).toList());
        }
    }

    record CustomerSegmentView(UUID id, String name, boolean builtIn, @Nullable String builtInKey, Instant enteredAt) {
    }
}
