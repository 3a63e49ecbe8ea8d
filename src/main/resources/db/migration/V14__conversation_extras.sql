-- A conversation that reopens goes back to the queue, but remembers who had it: that operator gets it
-- back first when they are online and have room (customers prefer to continue with the same person).
alter table conversation add column previous_assignee_id uuid references app_user (id);

-- The queue of waiting chats per team, in hand-out order.
create index conversation_team_queue on conversation (workspace_id, team_id, priority, waiting_since)
    where assignee_id is null and status = 'OPEN';

-- Snoozed conversations wake up at their time.
create index conversation_snoozed on conversation (snoozed_until) where status = 'SNOOZED' and snoozed_until is not null;

-- Unanswered CSAT requests per conversation, to match a bare "5" to the request it answers.
create index csat_open_by_conversation on csat_request (conversation_id, requested_at desc) where rating is null;
