/*
 * Beseda storefront tracker. Add to every page of the shop:
 *   <script src="https://beseda.example/static/beseda-tracker.js" data-token="PUBLIC_TRACKER_TOKEN" defer></script>
 * API: beseda.track(type, properties); beseda.identify({phone, email, shopCustomerId[, signature]});
 *      beseda.reset() when the customer signs out.
 *      beseda.push.subscribe() from a click: web push for this visitor (beseda-push.js, loaded then).
 *      Calls before the script loads may be queued: window.beseda = window.beseda || []; beseda.push(["track", …]).
 * Events are batched and sent with fetch (keepalive) or, when the page is hidden, navigator.sendBeacon.
 * Every event has a UUID made here, so a retried batch is stored once. No dependencies, no third-party cookies.
 */
(function (window, document) {
    "use strict";
    if (window.beseda && window.beseda.track) return;
    var script = document.currentScript || document.querySelector("script[data-token][src*='beseda-tracker']");
    if (!script) return;
    var token = script.getAttribute("data-token") || "";
    var endpoint = script.getAttribute("data-endpoint")
        || new URL(script.src, location.href).origin + "/t/" + encodeURIComponent(token) + "/events";
    var SESSION_MS = 30 * 60 * 1000, BATCH = 100, DELAY = 1000, KEEPALIVE_MAX = 60000;
    var VISITOR = "beseda_vid", LAST = "beseda_last", WHO = "beseda_identity";
    var memory = {}, queue = [], timer = null, retries = 0;
    var pending = Array.isArray(window.beseda) ? window.beseda : [];

    function store(name, value) {
        try {
            if (value === undefined) return localStorage.getItem(name);
            if (value === null) localStorage.removeItem(name); else localStorage.setItem(name, value);
        } catch (e) {
            if (value === undefined) return memory[name] || null;
            memory[name] = value;
        }
        return null;
    }

    function cookie(name, value) {
        if (value === undefined) {
            var found = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
            return found ? decodeURIComponent(found[1]) : null;
        }
        document.cookie = name + "=" + encodeURIComponent(value) + "; Max-Age=63072000; Path=/; SameSite=Lax"
            + (location.protocol === "https:" ? "; Secure" : "");
    }

    function uuid() {
        var c = window.crypto;
        if (c && c.randomUUID) return c.randomUUID();
        var b = new Uint8Array(16), i;
        if (c && c.getRandomValues) c.getRandomValues(b); else for (i = 0; i < 16; i++) b[i] = Math.random() * 256 | 0;
        b[6] = b[6] & 15 | 64;
        b[8] = b[8] & 63 | 128;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }

    function visitorId(fresh) {
        var id = fresh ? null : cookie(VISITOR) || store(VISITOR);
        if (!id || !/^[0-9a-f-]{36}$/i.test(id)) id = uuid();
        cookie(VISITOR, id);
        store(VISITOR, id);
        return id;
    }

    var visitor = visitorId(false);

    function identity() {
        try { return JSON.parse(store(WHO) || "null") || {}; } catch (e) { return {}; }
    }

    function customer() {
        var who = identity(), c = {visitorId: visitor};
        ["phone", "email", "shopCustomerId"].forEach(function (k) { if (who[k]) c[k] = who[k]; });
        return c;
    }

    function enqueue(type, properties) {
        queue.push({id: uuid(), type: String(type), occurredAt: new Date().toISOString(),
            customer: customer(), properties: properties || {}});
        if (!timer) timer = setTimeout(flush, DELAY);
    }

    function touchSession() {
        var now = Date.now(), last = Number(store(LAST)) || 0;
        store(LAST, String(now));
        if (now - last > SESSION_MS) {
            enqueue("session_started", {url: location.href, referrer: document.referrer || null, title: document.title});
        }
    }

    function body(events) {
        var batch = {sentAt: new Date().toISOString(), events: events}, who = identity();
        if (who.signature) batch.identity = who;
        return JSON.stringify(batch);
    }

    function sent(count) {
        if (typeof CustomEvent === "function") window.dispatchEvent(new CustomEvent("beseda:sent", {detail: {events: count}}));
    }

    function flush() {
        clearTimeout(timer);
        timer = null;
        if (!queue.length) return;
        var events = queue.splice(0, BATCH), text = body(events);
        fetch(endpoint, {method: "POST", body: text, headers: {"Content-Type": "text/plain"}, mode: "cors",
            credentials: "omit", keepalive: text.length < KEEPALIVE_MAX})
            .then(function (response) {
                // Busy or broken: try again later. Any other answer is final; the same batch would fare no better.
                if (response.status === 429 || response.status >= 500) throw new Error(String(response.status));
                retries = 0;
                sent(events.length);
            })
            .catch(function () {
                queue = events.concat(queue);
                retries++;
            })
            .then(function () {
                if (queue.length && !timer) timer = setTimeout(flush, retries ? Math.min(60000, 1000 * Math.pow(2, retries)) : 0);
            });
    }

    function beacon() {
        clearTimeout(timer);
        timer = null;
        while (queue.length && navigator.sendBeacon) {
            var events = queue.splice(0, BATCH);
            if (!navigator.sendBeacon(endpoint, body(events))) {
                queue = events.concat(queue);
                break;
            }
        }
    }

    function track(type, properties) {
        touchSession();
        enqueue(type, properties);
    }

    function identify(who) {
        var next = {};
        ["phone", "email", "shopCustomerId", "signature"].forEach(function (k) {
            if (who && who[k] != null && String(who[k]) !== "") next[k] = String(who[k]);
        });
        if (!next.phone && !next.email && !next.shopCustomerId) return;
        flush(); // what was tracked before belongs with the identity it was tracked under
        store(WHO, JSON.stringify(next));
        track("identified", {fields: Object.keys(next).filter(function (k) { return k !== "signature"; })});
    }

    function reset() {
        flush();
        store(WHO, null);
        store(LAST, null);
        visitor = visitorId(true);
    }

    var base = new URL(script.src, location.href).origin + "/t/" + encodeURIComponent(token);
    // beseda.push runs queued calls too (beseda.push(["track", …])), with web push under it.
    function push(call) {
        if (Array.isArray(call) && typeof window.beseda[call[0]] === "function") window.beseda[call[0]].apply(null, call.slice(1));
    }
    push.supported = function () {
        return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
    };
    push.subscribe = function () {
        if (!push.supported()) return Promise.resolve(false);
        return new Promise(function (resolve, reject) {
            var tag = document.createElement("script");
            tag.src = new URL("beseda-push.js", script.src).href;
            tag.onload = resolve;
            tag.onerror = reject;
            document.head.appendChild(tag);
        }).then(function () {
            return window.besedaPushSubscribe(base, visitor, script.getAttribute("data-push-sw") || "/beseda-push-sw.js");
        });
    };

    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") beacon(); });
    window.addEventListener("pagehide", beacon);
    window.beseda = {track: track, identify: identify, reset: reset, flush: flush, push: push,
        visitorId: function () { return visitor; }};
    touchSession();
    pending.forEach(function (call) { if (window.beseda[call[0]]) window.beseda[call[0]].apply(null, call.slice(1)); });
})(window, document);
