-- Words a workspace's customers use for the same thing ("худи, толстовка, свитшот"): the catalogue search
-- looks for all of a group when a question has one of them.
create table catalog_synonym_group (
    workspace_id  uuid not null references workspace (id),
    position      integer not null,
    words         text[] not null check (cardinality(words) between 2 and 20),
    primary key (workspace_id, position)
);
