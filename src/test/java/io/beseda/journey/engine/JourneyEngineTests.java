package io.beseda.journey.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.beseda.channel.MessageStatus;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.journey.definition.Condition;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.definition.Variant;
import io.beseda.workspace.WorkspaceId;

class JourneyEngineTests {

    static final Instant NOON = Instant.parse("2031-03-10T09:00:00Z");
    final FakePorts ports = new FakePorts();
    final JourneyEngine engine = new JourneyEngine(ports);
    final RunRef run = new RunRef(UUID.randomUUID(), new WorkspaceId(UUID.randomUUID()), UUID.randomUUID(), 1,
            new CustomerId(UUID.randomUUID()), NOON);

    static JourneyDefinition journey(MessageCategory category, Step... steps) {
        return new JourneyDefinition(new Trigger.ApiCall(), List.of(steps), null, EntryRule.everyTime(), category, 5,
                Duration.ofDays(1), Duration.ofMinutes(10));
    }

    static Step.Send send(String id, Duration readWithin, Channel... channels) {
        var messages = new java.util.LinkedHashMap<Channel, Message>();
        for (var c : channels) {
            messages.put(c, new Message(null, "Привет из " + c));
        }
        return new Step.Send(id, "Отправка " + id, List.of(channels), messages, false, readWithin, null);
    }

    Advance start(JourneyDefinition journey) {
        return engine.advance(run, journey, RunState.start(Map.of()), new Wake.Start(), NOON);
    }

    @Test
    void aMessageThatFailsGoesOutOnTheNextChannelOfTheChain() {
        var journey = journey(MessageCategory.SERVICE, send("notify", null, Channel.PUSH, Channel.SMS, Channel.EMAIL));
        var queued = start(journey);
        assertThat(queued.waitingMessage()).isEqualTo(ports.sent.getFirst().message());

        var failedOver = engine.advance(run, journey, queued.state(),
                new Wake.MessageChanged(queued.waitingMessage(), MessageStatus.FAILED, "REJECTED"), NOON.plusSeconds(5));

        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.PUSH, Channel.SMS);
        assertThat(failedOver.waitingMessage()).isEqualTo(ports.sent.get(1).message());
        var done = engine.advance(run, journey, failedOver.state(),
                new Wake.MessageChanged(failedOver.waitingMessage(), MessageStatus.SENT, ""), NOON.plusSeconds(9));
        assertThat(done.status()).isEqualTo(Advance.Status.COMPLETED);
        assertThat(done.state().reached()).containsExactly(Channel.SMS);
        assertThat(ports.sent).hasSize(2);
    }

    @Test
    void aMessageNotReadInTimeGoesOutOnTheNextChannel() {
        var journey = journey(MessageCategory.SERVICE, send("notify", Duration.ofHours(2), Channel.TELEGRAM, Channel.SMS));
        var queued = start(journey);
        var sent = engine.advance(run, journey, queued.state(),
                new Wake.MessageChanged(queued.waitingMessage(), MessageStatus.SENT, ""), NOON.plusSeconds(1));
        assertThat(sent.wakeAt()).isEqualTo(NOON.plusSeconds(1).plus(Duration.ofHours(2)));
        var delivered = engine.advance(run, journey, sent.state(),
                new Wake.MessageChanged(queued.waitingMessage(), MessageStatus.DELIVERED, ""), NOON.plusSeconds(2));
        assertThat(delivered.state().phase()).as("still waiting to be read").isEqualTo(RunState.Phase.WAITING_READ);

        var unread = engine.advance(run, journey, delivered.state(), new Wake.Timer(sent.state().timerKey()), sent.wakeAt());

        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.TELEGRAM, Channel.SMS);
        assertThat(unread.executions()).extracting(Execution::outcome).contains("NOT_READ", "QUEUED");
    }

    @Test
    void aReadMessageEndsTheChain() {
        var journey = journey(MessageCategory.SERVICE, send("notify", Duration.ofHours(2), Channel.TELEGRAM, Channel.SMS));
        var queued = start(journey);
        var sent = engine.advance(run, journey, queued.state(), new Wake.MessageChanged(queued.waitingMessage(), MessageStatus.SENT, ""), NOON);
        var read = engine.advance(run, journey, sent.state(), new Wake.MessageChanged(queued.waitingMessage(), MessageStatus.READ, ""), NOON.plusSeconds(60));

        assertThat(read.status()).isEqualTo(Advance.Status.COMPLETED);
        assertThat(read.state().lastOutcome()).isEqualTo("READ");
        var lateTimer = engine.advance(run, journey, read.state(), new Wake.Timer(sent.state().timerKey()), sent.wakeAt());
        assertThat(lateTimer.changed()).isFalse();
        assertThat(ports.sent).hasSize(1);
    }

    @Test
    void unreachableChannelsAreSkippedAndTheBestChannelComesFirst() {
        var best = new Step.Send("notify", "Статус", List.of(Channel.TELEGRAM, Channel.VK, Channel.SMS),
                Map.of(Channel.TELEGRAM, new Message(null, "tg"), Channel.VK, new Message(null, "vk"), Channel.SMS, new Message(null, "sms")),
                true, null, null);
        ports.preferred = List.of(Channel.VK, Channel.WHATSAPP);
        ports.unreachable.add(Channel.VK);

        start(journey(MessageCategory.SERVICE, best));

        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.TELEGRAM);
    }

    @Test
    void aStaleOrRepeatedWakeChangesNothing() {
        var journey = journey(MessageCategory.SERVICE, new Step.Delay("wait", "Пауза", Duration.ofHours(1), null),
                send("notify", null, Channel.SMS));
        var waiting = start(journey);

        assertThat(engine.advance(run, journey, waiting.state(), new Wake.Timer("something-else"), NOON.plusSeconds(7200)).changed()).isFalse();
        assertThat(engine.advance(run, journey, waiting.state(), new Wake.Start(), NOON).changed()).isFalse();
        var fired = engine.advance(run, journey, waiting.state(), new Wake.Timer(waiting.state().timerKey()), waiting.wakeAt());
        var again = engine.advance(run, journey, waiting.state(), new Wake.Timer(waiting.state().timerKey()), waiting.wakeAt());

        assertThat(fired.waitingMessage()).isEqualTo(again.waitingMessage());
        assertThat(ports.sent).as("the same step's send is one message").hasSize(1);
    }

    @Test
    void marketingWaitsWhileTheCustomerIsOnTheSite() {
        ports.lastActivity = NOON.minus(Duration.ofMinutes(3));
        var journey = journey(MessageCategory.MARKETING, send("remind", null, Channel.PUSH));

        var waiting = start(journey);

        assertThat(ports.sent).isEmpty();
        assertThat(waiting.wakeAt()).isEqualTo(NOON.plus(Duration.ofMinutes(7)));
        ports.lastActivity = NOON.minus(Duration.ofMinutes(3));
        engine.advance(run, journey, waiting.state(), new Wake.Timer(waiting.state().timerKey()), waiting.wakeAt());
        assertThat(ports.sent).hasSize(1);
    }

    @Test
    void theJourneysCapSkipsTheSend() {
        var journey = new JourneyDefinition(new Trigger.ApiCall(), List.of(send("a", null, Channel.SMS)), null, EntryRule.everyTime(),
                MessageCategory.SERVICE, 1, Duration.ofDays(1), Duration.ZERO);
        ports.sent.add(new FakePorts.Sent("earlier", Channel.SMS, "раньше", UUID.randomUUID()));

        var done = start(journey);

        assertThat(done.executions()).extracting(Execution::outcome).containsExactly("CAPPED");
        assertThat(done.status()).isEqualTo(Advance.Status.COMPLETED);
    }

    @Test
    void waitsUntilTheTimeOfDayWhereTheCustomerLives() {
        var journey = journey(MessageCategory.SERVICE, new Step.WaitUntilTime("morning", "Утром", LocalTime.of(10, 0), null),
                send("a", null, Channel.SMS));

        var waiting = start(journey);

        assertThat(waiting.wakeAt()).as("10:00 in Yekaterinburg is 05:00 UTC, the next day after 09:00 UTC")
                .isEqualTo(Instant.parse("2031-03-11T05:00:00Z"));
    }

    @Test
    void branchesOnTheCartAndExitsWhereTold() {
        var journey = journey(MessageCategory.SERVICE,
                new Step.Branch("big", "Большая корзина", List.of(new Condition("cart.total", Condition.Operator.GREATER_OR_EQUAL, "5000")),
                        "vip", null),
                send("regular", null, Channel.SMS),
                new Step.Exit("stop", "Стоп"),
                send("vip", null, Channel.EMAIL));
        ports.facts.put("cart.total", "4990.00");
        var small = start(journey);
        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.SMS);
        var ended = engine.advance(run, journey, small.state(), new Wake.MessageChanged(small.waitingMessage(), MessageStatus.SENT, ""), NOON);
        assertThat(ended.status()).isEqualTo(Advance.Status.EXITED);

        ports.facts.put("cart.total", "12000");
        var bigRun = new RunRef(UUID.randomUUID(), run.workspace(), run.journeyId(), 1, run.customer(), NOON);
        engine.advance(bigRun, journey, RunState.start(Map.of()), new Wake.Start(), NOON);
        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.SMS, Channel.EMAIL);
    }

    @Test
    void splitsCustomersRepeatablyAndKeepsAControlGroupQuiet() {
        var journey = new JourneyDefinition(new Trigger.ApiCall(), List.of(
                new Step.Split("ab", "A/B", List.of(new Variant("A", 45, "a"), new Variant("B", 45, "b"), new Variant("control", 10, null))),
                send("a", null, Channel.SMS), new Step.Exit("end-a", "Конец A"), send("b", null, Channel.EMAIL)),
                null, EntryRule.everyTime(), MessageCategory.MARKETING, 10_000, Duration.ofDays(1), Duration.ZERO);
        var counts = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < 2000; i++) {
            var each = new RunRef(UUID.nameUUIDFromBytes(("run-" + i).getBytes()), run.workspace(), run.journeyId(), 1, run.customer(), NOON);
            var first = engine.advance(each, journey, RunState.start(Map.of()), new Wake.Start(), NOON);
            var second = new JourneyEngine(new FakePorts()).advance(each, journey, RunState.start(Map.of()), new Wake.Start(), NOON);
            assertThat(second.state().variant()).isEqualTo(first.state().variant());
            counts.merge(first.state().variant(), 1, Integer::sum);
            if ("ab:control".equals(first.state().variant())) {
                assertThat(first.status()).isEqualTo(Advance.Status.COMPLETED);
            }
        }
        assertThat(counts.get("ab:A")).isBetween(820, 980);
        assertThat(counts.get("ab:B")).isBetween(820, 980);
        assertThat(counts.get("ab:control")).isBetween(150, 250);
        assertThat(ports.sent).hasSize(counts.get("ab:A") + counts.get("ab:B"));
    }

    @Test
    void waitsForAnEventOrGoesTheTimeoutWay() {
        var journey = journey(MessageCategory.SERVICE,
                new Step.WaitForEvent("paid", "Ждём оплату", "order_status_changed", Duration.ofHours(1), "remind", "thanks"),
                send("remind", null, Channel.SMS), new Step.Exit("end", "Конец"), send("thanks", null, Channel.EMAIL));
        var waiting = start(journey);
        assertThat(waiting.waitingEvent()).isEqualTo("order_status_changed");

        var seen = engine.advance(run, journey, waiting.state(), new Wake.EventSeen("order_status_changed"), NOON.plusSeconds(60));
        var timedOut = engine.advance(run, journey, waiting.state(), new Wake.Timer(waiting.state().timerKey()), waiting.wakeAt());

        assertThat(seen.executions()).extracting(Execution::outcome).contains("EVENT");
        assertThat(timedOut.executions()).extracting(Execution::outcome).contains("TIMEOUT");
        assertThat(ports.sent).extracting(FakePorts.Sent::channel).containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void couponsAndAttributesAreDoneOncePerRun() {
        var journey = journey(MessageCategory.SERVICE,
                new Step.IssueCoupon("coupon", "Купон", new io.beseda.journey.definition.CouponTerms("CART", "10 %", Duration.ofDays(3)), null),
                new Step.SetAttribute("mark", "Пометить", "reminded", "yes", null),
                send("a", null, Channel.SMS));

        var done = start(journey);

        assertThat(done.state().coupon()).isNotNull();
        assertThat(ports.coupons).isEqualTo(1);
        assertThat(ports.attributes).containsExactly("reminded=yes");
    }
}
