package io.beseda.customer.segment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.SegmentId;
import io.beseda.customer.segment.SegmentApiViews.MembersView;
import io.beseda.customer.segment.SegmentApiViews.PreviewRequest;
import io.beseda.customer.segment.SegmentApiViews.PreviewView;
import io.beseda.customer.segment.SegmentApiViews.SegmentRequest;
import io.beseda.customer.segment.SegmentApiViews.SegmentView;
import io.beseda.customer.segment.rule.InvalidRuleException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments", description = "Customers grouped by a rule over profile and behaviour; membership is kept current")
class SegmentsApiController {

    static final int PREVIEW_SAMPLE = 20;

    private final SegmentDirectory directory;
    private final SegmentStore store;
    private final SegmentEditor editor;
    private final Membership membership;
    private final JsonMapper json;

    SegmentsApiController(SegmentDirectory directory, SegmentStore store, SegmentEditor editor, Membership membership,
                          JsonMapper json) {
        this.directory = directory;
        this.store = store;
        this.editor = editor;
        this.membership = membership;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "All segments of the workspace with their member counts, built-in ones first")
    List<SegmentView> list(Actor actor) {
        return directory.stored(actor.workspaceId()).stream().map(s -> SegmentView.of(s, json)).toList();
    }

    @PostMapping
    @Operation(summary = "Create a segment; its members are computed before the answer")
    ResponseEntity<SegmentView> create(Actor actor, @Valid @RequestBody SegmentRequest request) {
        var created = editor.create(actor.workspaceId(), request.name(), request.rule());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + created.segment().id()))
                .body(SegmentView.of(created, json));
    }

    @GetMapping("/{segmentId}")
    @Operation(summary = "One segment")
    SegmentView get(Actor actor, @PathVariable UUID segmentId) {
        return SegmentView.of(store.get(actor.workspaceId(), new SegmentId(segmentId)), json);
    }

    @PutMapping("/{segmentId}")
    @Operation(summary = "Rename a segment or change its rule; its members are recomputed (built-in segments: 409)")
    SegmentView update(Actor actor, @PathVariable UUID segmentId, @Valid @RequestBody SegmentRequest request) {
        return SegmentView.of(editor.update(actor.workspaceId(), new SegmentId(segmentId), request.name(), request.rule()), json);
    }

    @DeleteMapping("/{segmentId}")
    @Operation(summary = "Delete a segment of your own (built-in segments: 409)")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID segmentId) {
        editor.delete(actor.workspaceId(), new SegmentId(segmentId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{segmentId}/members")
    @Operation(summary = "Members, most recently entered first, a page at a time (size up to 200)")
    MembersView members(Actor actor, @PathVariable UUID segmentId, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        var id = store.get(actor.workspaceId(), new SegmentId(segmentId)).segment().id();
        var bounded = Math.clamp(size, 1, MemberPage.MAX_SIZE);
        return MembersView.of(membership.members(actor.workspaceId(), id, Math.max(page, 0), bounded));
    }

    @PostMapping("/preview")
    @Operation(summary = "How many customers a rule matches now, with the first " + PREVIEW_SAMPLE + "; nothing is saved")
    PreviewView preview(Actor actor, @Valid @RequestBody PreviewRequest request) {
        return PreviewView.of(editor.preview(actor.workspaceId(), request.rule(), PREVIEW_SAMPLE));
    }

    /** A rule that cannot be used is the caller's mistake: 400, naming the part of the rule that is wrong. */
    @ExceptionHandler(InvalidRuleException.class)
    ProblemDetail invalidRule(InvalidRuleException e) {
        return RuleProblems.of(e);
    }
}
