// Inbox live updates and composer. One EventSource per tab while an inbox page is shown (the console
// navigates with hx-boost, so this script outlives pages and re-attaches on every swap). Events are small
// ({kind, conversation, message, ...}); the page fetches server-rendered fragments for what changed.
// Nothing here puts text into the page as HTML except fragments our own server rendered and escaped.
(() => {
    "use strict";

    const KINDS = ["message", "changed", "status", "typing", "resync"];
    const TYPING_SHOWN_MS = 6000;
    const TYPING_SENT_EVERY_MS = 3000;
    const ROWS_DEBOUNCE_MS = 120;

    let source = null;
    let broken = false;
    let page = null;

    function csrfHeaders() {
        const header = document.querySelector('meta[name="_csrf_header"]');
        const token = document.querySelector('meta[name="_csrf"]');
        return header && token ? { [header.content]: token.content } : {};
    }

    function fragment(html) {
        const template = document.createElement("template");
        template.innerHTML = html;
        return template.content;
    }

    function processed(node) {
        if (window.htmx) {
            window.htmx.process(node);
        }
        return node;
    }

    async function getHtml(url) {
        const response = await fetch(url, { headers: { "X-Inbox": "fragment" }, credentials: "same-origin" });
        if (!response.ok) {
            throw new Error("HTTP " + response.status);
        }
        return response.text();
    }

    function offline(root, on) {
        let note = root.querySelector(".live-offline");
        if (on && !note) {
            note = document.createElement("p");
            note.className = "live-offline alert error";
            note.setAttribute("role", "status");
            note.textContent = root.dataset.offline || "";
            root.prepend(note);
        } else if (!on && note) {
            note.remove();
        }
    }

    // ---- the stream ---------------------------------------------------------------------------------

    function openStream() {
        source = new EventSource("/inbox/events");
        KINDS.forEach((kind) => source.addEventListener(kind, (event) => {
            let data = {};
            try {
                data = JSON.parse(event.data);
            } catch (ignored) {
                return;
            }
            if (page && document.contains(page.root)) {
                page.on(kind, data);
            }
        }));
        source.addEventListener("ready", () => {
            if (broken && page) {
                page.on("resync", {});
            }
            broken = false;
            if (page) {
                offline(page.root, false);
                page.root.dataset.stream = "open";
            }
        });
        source.onerror = () => {
            broken = true;
            if (page) {
                offline(page.root, true);
                page.root.dataset.stream = "broken";
            }
            if (source.readyState === EventSource.CLOSED) {
                source = null;
                setTimeout(setup, 10000);
            }
        };
    }

    function closeStream() {
        if (source) {
            source.close();
            source = null;
        }
    }

    // ---- the list -----------------------------------------------------------------------------------

    function inboxList(root) {
        const pending = new Set();
        let timer = null;
        const body = () => document.getElementById("rows");

        function place(row) {
            const rank = row.dataset.rank || "";
            const before = Array.from(body().rows).find((r) => (r.dataset.rank || "") > rank);
            body().insertBefore(row, before || null);
            processed(row);
        }

        function apply(html, ids) {
            const parts = fragment(html);
            const fresh = new Map(Array.from(parts.querySelectorAll("tr.inbox-row")).map((r) => [r.dataset.conversation, r]));
            const wanted = new Set(ids || Array.from(body().rows).map((r) => r.dataset.conversation).concat(Array.from(fresh.keys())));
            wanted.forEach((id) => {
                const old = document.getElementById("row-" + id);
                if (old) {
                    old.remove();
                }
                if (fresh.has(id)) {
                    place(fresh.get(id));
                }
            });
            const tabs = parts.querySelector("#inbox-tabs");
            const current = document.getElementById("inbox-tabs");
            if (tabs && current) {
                current.replaceWith(tabs);
                processed(tabs);
            }
            document.getElementById("inbox-empty").hidden = body().rows.length > 0;
        }

        async function flush() {
            timer = null;
            const ids = Array.from(pending);
            pending.clear();
            const url = root.dataset.rowsUrl + ids.map((id) => "&ids=" + encodeURIComponent(id)).join("");
            try {
                apply(await getHtml(url), ids);
            } catch (ignored) {
                // the next event or reconnect redraws it
            }
        }

        function typing(customer) {
            root.querySelectorAll("tr.inbox-row").forEach((row) => {
                if (row.dataset.customer === customer) {
                    const badge = row.querySelector(".typing");
                    badge.hidden = false;
                    clearTimeout(badge.timer);
                    badge.timer = setTimeout(() => { badge.hidden = true; }, TYPING_SHOWN_MS);
                }
            });
        }

        return {
            root,
            on(kind, data) {
                if ((kind === "message" || kind === "changed") && data.conversation) {
                    pending.add(data.conversation);
                    timer = timer || setTimeout(flush, ROWS_DEBOUNCE_MS);
                } else if (kind === "typing" && data.customer) {
                    typing(data.customer);
                } else if (kind === "resync") {
                    getHtml(root.dataset.rowsUrl).then((html) => apply(html, null)).catch(() => {});
                }
            }
        };
    }

    // ---- the thread ---------------------------------------------------------------------------------

    function thread(root) {
        const list = document.getElementById("messages");
        const form = document.getElementById("composer");
        const text = document.getElementById("composer-text");
        let lastTyping = 0;

        // Delivery only moves forward once a message went out: an answer that still says "queued" (the
        // reply's own response, overtaken by the dispatcher) must not undo "delivered" already shown.
        const SENT = 2;
        // Status news about a reply this page does not show yet (it is still on its way back from the post).
        const statusAhead = new Set();

        function staler(item, old) {
            if (item.dataset.delivery === undefined || old.dataset.delivery === undefined) {
                return false;
            }
            return Number(old.dataset.delivery) >= SENT && Number(item.dataset.delivery) < SENT;
        }

        function add(html) {
            let customerWrote = false;
            fragment(html).querySelectorAll("li.message").forEach((item) => {
                const old = document.getElementById(item.id);
                if (old) {
                    if (!staler(item, old)) {
                        old.replaceWith(item);
                    }
                    return;
                }
                if (item.dataset.outbound && statusAhead.delete(item.dataset.outbound)) {
                    load("?ids=" + encodeURIComponent(item.dataset.message));
                }
                const at = Number(item.dataset.at);
                const later = Array.from(list.children).find((li) => Number(li.dataset.at) > at);
                list.insertBefore(item, later || null);
                customerWrote = customerWrote || item.dataset.direction === "IN";
                list.lastElementChild.scrollIntoView({ block: "nearest" });
            });
            if (customerWrote && document.visibilityState === "visible") {
                fetch(root.dataset.readUrl, { method: "POST", headers: csrfHeaders(), credentials: "same-origin" });
            }
        }

        function load(query) {
            getHtml(root.dataset.messagesUrl + query).then(add).catch(() => {});
        }

        function header() {
            const asked = headerVersion;
            getHtml(root.dataset.headerUrl).then((html) => {
                const fresh = fragment(html).querySelector("#thread-header");
                const current = document.getElementById("thread-header");
                // a header this page drew after asking is newer than the answer: keep it
                if (fresh && current && asked === headerVersion) {
                    swapHeader(current, fresh, true);
                }
            }).catch(() => {});
        }

        function customerTyping() {
            const indicator = document.getElementById("customer-typing");
            indicator.hidden = false;
            clearTimeout(indicator.timer);
            indicator.timer = setTimeout(() => { indicator.hidden = true; }, TYPING_SHOWN_MS);
        }

        function noteMode() {
            return document.getElementById("note-mode").checked;
        }

        if (form && text) {
            text.addEventListener("keydown", (event) => {
                if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                    event.preventDefault();
                    form.requestSubmit(document.getElementById(noteMode() ? "send-note" : "send-reply"));
                }
            });
            text.addEventListener("input", () => {
                const now = Date.now();
                if (!noteMode() && text.value.trim() && now - lastTyping > TYPING_SENT_EVERY_MS) {
                    lastTyping = now;
                    fetch(root.dataset.typingUrl, { method: "POST", headers: csrfHeaders(), credentials: "same-origin" });
                }
            });
            const smsParts = document.getElementById("sms-parts");
            if (smsParts) {
                // parts, encoding and price of an SMS, counted by the server's SmsParts (one set of rules)
                let asked = 0;
                const count = async () => {
                    const mine = ++asked;
                    const response = await fetch(smsParts.dataset.url + "?text=" + encodeURIComponent(text.value),
                        { credentials: "same-origin" });
                    if (response.ok && mine === asked) {
                        smsParts.textContent = (await response.json()).label;
                    }
                };
                text.addEventListener("input", () => {
                    clearTimeout(smsParts.timer);
                    smsParts.timer = setTimeout(count, 200);
                });
                count();
            }
            document.getElementById("note-mode").addEventListener("change", () => {
                text.placeholder = noteMode() ? text.dataset.notePlaceholder : text.dataset.replyPlaceholder;
            });
        }

        return {
            root,
            add,
            header,
            on(kind, data) {
                if (kind === "message" && data.conversation === root.dataset.conversation && data.message) {
                    load("?ids=" + encodeURIComponent(data.message));
                } else if (kind === "status" && data.outbound) {
                    const item = list.querySelector('li[data-outbound="' + CSS.escape(data.outbound) + '"]');
                    if (item) {
                        load("?ids=" + encodeURIComponent(item.dataset.message));
                    } else if (data.customer === root.dataset.customer) {
                        if (statusAhead.size > 100) {
                            statusAhead.clear();
                        }
                        statusAhead.add(data.outbound);
                    }
                } else if (kind === "changed" && data.conversation === root.dataset.conversation && data.change !== "READ") {
                    header();
                } else if (kind === "typing" && data.customer === root.dataset.customer) {
                    customerTyping();
                } else if (kind === "resync") {
                    load("");
                    header();
                }
            }
        };
    }

    // ---- sending ------------------------------------------------------------------------------------

    function showError(message) {
        const box = document.getElementById("composer-error");
        if (box) {
            box.textContent = message;
        }
    }

    // A header redrawn because a colleague changed something must not eat what this operator is typing
    // into it (a label, a transfer note) nor close what they opened.
    let headerVersion = 0;

    function swapHeader(current, fresh, keepTyping) {
        headerVersion++;
        if (keepTyping) {
            current.querySelectorAll("form[id] input[type=text], form[id] input[type=datetime-local]").forEach((input) => {
                const twin = fresh.querySelector("#" + input.form.id + " input[name='" + input.name + "']");
                if (twin && input.value) {
                    twin.value = input.value;
                }
            });
            // a choice the operator made and has not sent yet (status «решён» picked, the button not pressed)
            current.querySelectorAll("form[id] select").forEach((select) => {
                const chosen = select.options[select.selectedIndex];
                const twin = fresh.querySelector("#" + select.form.id + " select[name='" + select.name + "']");
                if (twin && chosen && !chosen.defaultSelected) {
                    twin.value = select.value;
                }
            });
            current.querySelectorAll("details[open]").forEach((d, i) => {
                const twin = fresh.querySelectorAll("details")[i];
                if (twin) {
                    twin.open = true;
                }
            });
        }
        const focused = document.activeElement && current.contains(document.activeElement) && document.activeElement.form
            ? "#" + document.activeElement.form.id + " [name='" + document.activeElement.name + "']" : null;
        current.replaceWith(fresh);
        processed(fresh);
        const again = focused && fresh.querySelector(focused);
        if (keepTyping && again) {
            again.focus();
        }
    }

    async function send(form, action, body) {
        const response = await fetch(action, {
            method: "POST", body, credentials: "same-origin",
            headers: Object.assign({ "X-Inbox": "fragment" }, csrfHeaders())
        });
        const html = await response.text();
        if (response.status === 422) {
            showError(fragment(html).textContent.trim());
            return null;
        }
        if (!response.ok) {
            throw new Error("HTTP " + response.status);
        }
        return html;
    }

    function tooLarge(form) {
        const max = Number(form.dataset.maxBytes || 0);
        const input = document.getElementById("composer-files");
        return max > 0 && input && Array.from(input.files).some((file) => file.size > max);
    }

    async function submitComposer(form, submitter) {
        const note = document.getElementById("note-mode").checked;
        const action = submitter && submitter.formAction ? submitter.formAction
            : document.getElementById(note ? "send-note" : "send-reply").formAction;
        if (tooLarge(form)) {
            showError(form.dataset.tooLarge);
            return;
        }
        const buttons = form.querySelectorAll("button[type=submit]");
        buttons.forEach((b) => { b.disabled = true; });
        try {
            const html = await send(form, action, new FormData(form));
            if (html !== null) {
                showError("");
                form.querySelectorAll("textarea, input[type=file], input[name=quickReply]").forEach((input) => { input.value = ""; });
                if (page && page.add) {
                    page.add(html);
                }
            }
        } catch (e) {
            showError(form.dataset.failed || "");
        } finally {
            buttons.forEach((b) => { b.disabled = false; });
        }
    }

    async function submitStatus(form) {
        try {
            const html = await send(form, form.action, new URLSearchParams(new FormData(form)));
            const fresh = html && fragment(html).querySelector("#thread-header");
            const current = document.getElementById("thread-header");
            if (fresh && current) {
                swapHeader(current, fresh, false);
            }
        } catch (e) {
            form.submit();
        }
    }

    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (form.id === "composer") {
            event.preventDefault();
            submitComposer(form, event.submitter);
        } else if (form.id === "status-form" || form.classList.contains("header-form")) {
            event.preventDefault();
            submitStatus(form);
        }
    });

    // A canned reply is filled in on the server for this conversation and put into the reply box as text.
    async function insertCanned() {
        const select = document.getElementById("canned-reply");
        const box = document.getElementById("composer-text");
        if (!select || !select.value || !box) {
            return;
        }
        const response = await fetch(select.value, { method: "POST", credentials: "same-origin", headers: csrfHeaders() });
        if (!response.ok) {
            showError(select.dataset.failed || "");
            return;
        }
        const text = await response.text();
        const at = box.selectionStart || box.value.length;
        box.value = box.value.slice(0, at) + text + box.value.slice(box.selectionEnd || at);
        box.focus();
        select.value = "";
    }

    document.addEventListener("click", (event) => {
        if (event.target && event.target.id === "insert-canned") {
            event.preventDefault();
            insertCanned();
        }
    });

    // ---- wiring -------------------------------------------------------------------------------------

    function setup() {
        const root = document.querySelector("[data-live]");
        if (!root) {
            page = null;
            closeStream();
            return;
        }
        if (!page || page.root !== root) {
            page = root.dataset.live === "thread" ? thread(root) : inboxList(root);
            if (source && source.readyState === EventSource.OPEN && !broken) {
                root.dataset.stream = "open";
                // events that arrived while the new page loaded are not lost: it re-reads once
                page.on("resync", {});
            }
        }
        if (!source) {
            openStream();
        }
    }

    document.addEventListener("DOMContentLoaded", setup);
    document.addEventListener("htmx:load", setup);
    document.addEventListener("htmx:historyRestore", setup);
})();
