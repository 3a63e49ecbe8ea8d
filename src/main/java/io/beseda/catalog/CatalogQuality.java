package io.beseda.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/**
 * What the catalogue cannot answer: offers missing what customers ask about, so the shop knows what to
 * fill in. Counted over the offers the feed lists, per model (variants of one model count once), with a few
 * examples of each gap.
 */
@Service
public class CatalogQuality {

    static final int EXAMPLES = 5;
    static final int SHORT_DESCRIPTION = 40;

    /** One kind of gap: how many models have it, and some of them. */
    public record Gap(Kind kind, int models, List<Example> examples) {
    }

    public record Example(String offerId, String name) {
    }

    public enum Kind {
        /** No description, or one too short to answer from. */
        DESCRIPTION,
        /** Clothes and shoes without sizes, where the rest of their category has them. */
        SIZE,
        /** No material («Материал»), where the rest of the category states it. */
        MATERIAL,
        /** No colour («Цвет»). */
        COLOUR,
        /** No picture. */
        PICTURE,
        /** No category, or one the feed does not list. */
        CATEGORY,
        /** On sale but in no store. */
        STOCK
    }

    public record Report(int models, List<Gap> gaps) {
    }

    private final JdbcClient jdbc;

    CatalogQuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(WorkspaceId workspace) {
        int models = jdbc.sql("select count(distinct coalesce(group_id, id)) from catalog_offer where workspace_id = ? and listed")
                .param(workspace.value()).query(Integer.class).single();
        var gaps = List.of(
                gap(workspace, Kind.DESCRIPTION, "coalesce(length(o.description), 0) < " + SHORT_DESCRIPTION),
                gap(workspace, Kind.SIZE, lacksWhatTheCategoryHas("размер")),
                gap(workspace, Kind.MATERIAL, lacksWhatTheCategoryHas("материал")),
                gap(workspace, Kind.COLOUR, "not " + has("o", "цвет")),
                gap(workspace, Kind.PICTURE, "o.pictures = '[]'::jsonb"),
                gap(workspace, Kind.CATEGORY, """
                        (o.category_id is null or not exists (select 1 from catalog_category c
                                                              where c.workspace_id = o.workspace_id and c.id = o.category_id))"""),
                gap(workspace, Kind.STOCK, """
                        o.available and not exists (select 1 from catalog_stock s where s.workspace_id = o.workspace_id
                                                    and s.offer_id = o.id and s.quantity > 0)"""));
        return new Report(models, gaps.stream().filter(g -> g.models() > 0).toList());
    }

    private static String has(String alias, String param) {
        return "exists (select 1 from jsonb_array_elements(" + alias + ".params) p where lower(p->>'name') like '" + param + "%')";
    }

    /** The offer lacks the param while at least half of its category's offers have it. */
    private static String lacksWhatTheCategoryHas(String param) {
        return "not " + has("o", param) + """
                 and o.category_id is not null and (select count(*) filter (where %s) * 2 >= count(*)
                     from catalog_offer x where x.workspace_id = o.workspace_id and x.category_id = o.category_id and x.listed)"""
                .formatted(has("x", param));
    }

    private Gap gap(WorkspaceId workspace, Kind kind, String condition) {
        var rows = jdbc.sql("""
                select coalesce(o.group_id, o.id) as model, min(o.id) as offer_id, min(o.name) as name
                from catalog_offer o where o.workspace_id = ? and o.listed and %s
                group by 1 order by 3""".formatted(condition))
                .param(workspace.value()).query((r, n) -> new Example(r.getString("offer_id"), r.getString("name"))).list();
        return new Gap(kind, rows.size(), rows.subList(0, Math.min(EXAMPLES, rows.size())));
    }
}
