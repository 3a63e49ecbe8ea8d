/*
 * Beseda web chat. Add to every page of the shop, once:
 *   <script src="https://beseda.example/widget/beseda-chat.js" data-token="wc_…" async></script>
 * A signed-in customer (signature = hex HMAC-SHA256(identity secret, shopCustomerId), made on the shop's server):
 *   data-shop-customer-id="42" data-signature="…" [data-email data-phone data-name] on the tag, or
 *   BesedaChat.identify({shopCustomerId: "42", signature: "…", email, phone, name}).
 * Also: BesedaChat.open(), BesedaChat.close(). No dependencies, no requests anywhere but Beseda, styles
 * isolated in a Shadow DOM; every text from the chat is put in the page with textContent, never as HTML.
 */
(function (window, document) {
    "use strict";
    if (window.BesedaChat && window.BesedaChat.version) return;
    var script = document.currentScript || document.querySelector("script[src*='beseda-chat.js'][data-token]");
    if (!script) return;
    var token = script.getAttribute("data-token") || "";
    var server = new URL(script.src, location.href);
    var socketUrl = (server.protocol === "https:" ? "wss://" : "ws://") + server.host + "/widget/ws?token=" + encodeURIComponent(token);
    var PHOTO_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"];
    var SAFE_LINK = /^(https?|tg|viber|whatsapp|vk):/i;
    var KEY = "beseda_chat_" + token.slice(-12);
    var T = {
        title: "Чат с магазином", open: "Открыть чат", close: "Закрыть чат", send: "Отправить", attach: "Прикрепить фото",
        placeholder: "Напишите сообщение…", typing: "Оператор печатает…", connecting: "Подключаемся…",
        offline: "Нет связи. Переподключаемся…", tooLarge: "Файл больше 10 МБ",
        wrongType: "Можно отправить только фото: JPEG, PNG, GIF или WebP", uploading: "Загружаем фото…",
        uploadFailed: "Не удалось загрузить фото. Попробуйте ещё раз.", consent: "Чтобы отправить сообщение, отметьте согласие на обработку персональных данных.",
        photo: "Фото", sent: "Доставлено в чат", pending: "Отправляется…", failed: "Не отправлено", message: "Сообщение"
    };

    var state = {
        visitorId: null, identity: identityFromTag(), socket: null, ready: false, fatal: false, attempt: 0,
        messages: [], ids: {}, outbox: load("outbox", []), consentRequired: false, maxBytes: 10485760,
        unread: 0, lastTyping: 0, typingTimer: null, reconnectTimer: null, pingTimer: null
    };

    // ---------- storage ----------
    function load(name, fallback) {
        try { var v = localStorage.getItem(KEY + "_" + name); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
    }
    function save(name, value) {
        try { localStorage.setItem(KEY + "_" + name, JSON.stringify(value)); } catch (e) { /* private mode: memory only */ }
    }
    function uuid() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var b = new Uint8Array(16), i;
        if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(b); else for (i = 0; i < 16; i++) b[i] = Math.random() * 256 | 0;
        return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    }
    function visitorId() {
        var id = load("visitor", null) || script.getAttribute("data-visitor-id");
        if (!id && window.beseda && typeof window.beseda.visitorId === "function") id = window.beseda.visitorId();
        if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) id = uuid();
        save("visitor", id);
        return id;
    }
    function identityFromTag() {
        var shopCustomerId = script.getAttribute("data-shop-customer-id");
        if (!shopCustomerId) return null;
        return {shopCustomerId: shopCustomerId, signature: script.getAttribute("data-signature") || "",
            email: script.getAttribute("data-email"), phone: script.getAttribute("data-phone"), name: script.getAttribute("data-name")};
    }

    // ---------- DOM, built with createElement and textContent only ----------
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === "text") node.textContent = attrs[k]; else if (k === "hidden") node.hidden = !!attrs[k]; else node.setAttribute(k, attrs[k]);
        });
        (children || []).forEach(function (c) { if (c) node.appendChild(c); });
        return node;
    }
    function icon(path) {
        var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("viewBox", "0 0 24 24");
        svg.setAttribute("width", "22");
        svg.setAttribute("height", "22");
        svg.setAttribute("aria-hidden", "true");
        var shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
        shape.setAttribute("d", path);
        shape.setAttribute("fill", "currentColor");
        svg.appendChild(shape);
        return svg;
    }
    var ICONS = {
        chat: "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z",
        clip: "M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z",
        send: "M2 21l21-9L2 3v7l15 2-15 2z"
    };
    var host = el("div", {"data-beseda-chat": ""});
    var root = host.attachShadow ? host.attachShadow({mode: "open"}) : host;
    var ui = {};
    ui.status = el("span", {"class": "bc-conn", role: "status", text: T.connecting});
    ui.closeButton = el("button", {type: "button", "class": "bc-close", "aria-label": T.close, text: "×"});
    ui.links = el("div", {"class": "bc-links"});
    ui.log = el("div", {"class": "bc-log", role: "log", "aria-live": "polite"});
    ui.typing = el("div", {"class": "bc-typing", hidden: true, text: T.typing});
    ui.replies = el("div", {"class": "bc-replies"});
    ui.notice = el("div", {"class": "bc-notice", role: "alert", hidden: true});
    ui.consentBox = el("input", {type: "checkbox", "class": "bc-consent-box"});
    ui.consentText = el("span", {"class": "bc-consent-text"});
    ui.consent = el("label", {"class": "bc-consent", hidden: true}, [ui.consentBox, ui.consentText]);
    ui.file = el("input", {type: "file", accept: PHOTO_TYPES.join(","), "class": "bc-file", hidden: true, "aria-label": T.attach});
    ui.attach = el("button", {type: "button", "class": "bc-attach", "aria-label": T.attach, title: T.attach}, [icon(ICONS.clip)]);
    ui.input = el("textarea", {"class": "bc-input", rows: "1", maxlength: "4096", placeholder: T.placeholder, "aria-label": T.message});
    ui.send = el("button", {type: "submit", "class": "bc-send", "aria-label": T.send, title: T.send}, [icon(ICONS.send)]);
    ui.form = el("form", {"class": "bc-form"}, [ui.attach, ui.file, ui.input, ui.send]);
    ui.window = el("div", {"class": "bc-window", role: "dialog", "aria-label": T.title, hidden: true}, [
        el("header", {}, [el("strong", {text: T.title}), ui.status, ui.closeButton]),
        ui.links, ui.log, ui.typing, ui.replies, ui.notice, ui.consent, ui.form]);
    ui.badge = el("span", {"class": "bc-badge", hidden: true});
    ui.launcher = el("button", {type: "button", "class": "bc-launcher", "aria-label": T.open, "aria-expanded": "false"},
        [icon(ICONS.chat), ui.badge]);
    root.appendChild(el("div", {"class": "bc-root"}, [ui.window, ui.launcher]));
    styles();

    function styles() {
        var css = ":host{all:initial}.bc-root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2430}"
            + ".bc-launcher{width:56px;height:56px;border-radius:50%;border:0;background:#2f6fde;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);position:relative;float:right}"
            + ".bc-badge{position:absolute;top:-4px;right:-4px;background:#d93025;color:#fff;border-radius:10px;font-size:12px;padding:1px 6px}"
            + ".bc-window{width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden;margin-bottom:12px}"
            + ".bc-window[hidden],[hidden]{display:none!important}header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#2f6fde;color:#fff}"
            + "header strong{flex:1}.bc-conn{font-size:12px;opacity:.9}.bc-close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}"
            + ".bc-links{display:flex;flex-wrap:wrap;gap:6px;padding:8px 12px 0}.bc-links a{font-size:12px;padding:3px 8px;border:1px solid #c9d6f2;border-radius:12px;color:#2f6fde;text-decoration:none}"
            + ".bc-log{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:6px;background:#f5f7fb}"
            + ".bc-msg{max-width:80%;padding:7px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}"
            + ".bc-out,.bc-greeting{align-self:flex-start;background:#fff;border:1px solid #e1e6ef}.bc-in{align-self:flex-end;background:#dbe7ff}"
            + ".bc-msg img{display:block;max-width:100%;max-height:200px;border-radius:6px;margin-top:4px}.bc-meta{display:block;font-size:11px;color:#6b7385;margin-top:2px}"
            + ".bc-failed{background:#fde2e1}.bc-typing{padding:2px 12px;font-size:12px;color:#6b7385}.bc-replies{display:flex;flex-wrap:wrap;gap:6px;padding:4px 12px}"
            + ".bc-replies button{border:1px solid #2f6fde;background:#fff;color:#2f6fde;border-radius:14px;padding:4px 10px;cursor:pointer;font:inherit}"
            + ".bc-notice{margin:4px 12px;padding:6px 8px;border-radius:6px;background:#fff4e5;color:#8a4b00;font-size:13px}"
            + ".bc-consent{display:flex;gap:6px;align-items:flex-start;padding:4px 12px;font-size:12px;color:#3d4454}.bc-consent a{color:#2f6fde}"
            + ".bc-form{display:flex;gap:6px;padding:8px;border-top:1px solid #e1e6ef;align-items:flex-end}.bc-input{flex:1;resize:none;border:1px solid #c9d0dc;border-radius:8px;padding:7px;font:inherit;max-height:100px}"
            + ".bc-attach,.bc-send{border:0;background:none;cursor:pointer;padding:4px;color:#2f6fde;display:flex}.bc-launcher svg{width:26px;height:26px}";
        if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
            try { var sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet]; return; } catch (e) { /* fall back */ }
        }
        root.appendChild(el("style", {text: css}));
    }

    // ---------- rendering ----------
    function fileUrl(url) { return new URL(url, server).href; }
    function time(at) {
        var d = at ? new Date(at) : new Date();
        return isNaN(d) ? "" : d.toLocaleTimeString("ru-RU", {hour: "2-digit", minute: "2-digit"});
    }
    function bubble(m) {
        var node = el("div", {"class": "bc-msg " + (m.direction === "out" ? "bc-out" : "bc-in")});
        if (m.text) node.appendChild(m.direction === "out" ? linked(m.text) : el("span", {"class": "bc-text", text: m.text}));
        (m.attachments || []).forEach(function (a) {
            var link = el("a", {href: fileUrl(a.url), target: "_blank", rel: "noopener noreferrer"});
            if (/^image\//.test(a.mimeType)) link.appendChild(el("img", {src: fileUrl(a.url), alt: a.name || T.photo}));
            else link.textContent = a.name || a.url;
            node.appendChild(link);
        });
        node.appendChild(el("span", {"class": "bc-meta", text: time(m.at) + (m.pending ? " · " + T.pending : m.failed ? " · " + T.failed + ": " + m.failed : "")}));
        if (m.failed) node.classList.add("bc-failed");
        if (m.clientId) node.setAttribute("data-client-id", m.clientId);
        return node;
    }
    function render() {
        while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
        if (state.greeting) ui.log.appendChild(el("div", {"class": "bc-msg bc-greeting", text: state.greeting}));
        state.messages.forEach(function (m) { ui.log.appendChild(bubble(m)); });
        state.outbox.forEach(function (p) {
            ui.log.appendChild(bubble({direction: "in", clientId: p.clientId, text: p.type === "button" ? p.title : p.text,
                attachments: p.files || [], pending: true}));
        });
        renderReplies();
        ui.log.scrollTop = ui.log.scrollHeight;
    }
    function renderReplies() {
        while (ui.replies.firstChild) ui.replies.removeChild(ui.replies.firstChild);
        var last = state.messages[state.messages.length - 1];
        if (!last || last.direction !== "out" || !last.quickReplies || !last.quickReplies.length || state.outbox.length) return;
        last.quickReplies.forEach(function (r) {
            var b = el("button", {type: "button", text: r.title});
            b.addEventListener("click", function () {
                last.quickReplies = [];
                post({type: "button", clientId: "c-" + uuid(), payload: r.payload, title: r.title});
            });
            ui.replies.appendChild(b);
        });
    }
    function renderLinks(links) {
        while (ui.links.firstChild) ui.links.removeChild(ui.links.firstChild);
        (links || []).forEach(function (l) {
            if (SAFE_LINK.test(l.url)) ui.links.appendChild(el("a", {href: l.url, target: "_blank", rel: "noopener noreferrer", text: l.label}));
        });
    }
    // The shop's messages may carry links (a product, a tracking page): http(s) links become <a>, the rest stays text.
    function linked(text) {
        var span = el("span", {"class": "bc-text"});
        String(text).split(/(https?:\/\/[^\s<>"]+)/).forEach(function (part, i) {
            span.appendChild(i % 2 ? el("a", {href: part, target: "_blank", rel: "noopener noreferrer", text: part})
                : document.createTextNode(part));
        });
        return span;
    }
    function renderConsent(consent) {
        state.consentRequired = !!(consent && consent.required);
        ui.consent.hidden = !state.consentRequired;
        while (ui.consentText.firstChild) ui.consentText.removeChild(ui.consentText.firstChild);
        if (!state.consentRequired) return;
        // The consent text may hold a link to the policy: links become <a>, everything else stays text.
        String(consent.text || "").split(/(https?:\/\/[^\s<>"]+)/).forEach(function (part, i) {
            ui.consentText.appendChild(i % 2 ? el("a", {href: part, target: "_blank", rel: "noopener noreferrer", text: part})
                : document.createTextNode(part));
        });
    }
    function notice(text) {
        ui.notice.textContent = text;
        ui.notice.hidden = !text;
        clearTimeout(state.noticeTimer);
        if (text) state.noticeTimer = setTimeout(function () { ui.notice.hidden = true; }, 8000);
    }
    function connection(text) { ui.status.textContent = text; }
    function add(m) {
        if (state.ids[m.id]) return false;
        state.ids[m.id] = true;
        state.messages.push(m);
        if (state.messages.length > 200) state.messages.shift();
        return true;
    }

    // ---------- the connection ----------
    function connect() {
        if (state.fatal || (state.socket && state.socket.readyState <= 1)) return;
        clearTimeout(state.reconnectTimer);
        connection(state.attempt ? T.offline : T.connecting);
        var socket = new WebSocket(socketUrl);
        state.socket = socket;
        socket.onopen = function () {
            state.attempt = 0;
            var hello = {type: "hello", visitorId: state.visitorId};
            if (state.identity) hello.identity = state.identity;
            socket.send(JSON.stringify(hello));
        };
        socket.onmessage = function (event) {
            var frame;
            try { frame = JSON.parse(event.data); } catch (e) { return; }
            if (handlers[frame.type]) handlers[frame.type](frame);
        };
        socket.onclose = function (event) {
            state.ready = false;
            clearInterval(state.pingTimer);
            if (state.socket !== socket) return;
            if (event.code === 4401 || event.code === 4403) {
                state.fatal = true;
                connection("");
                return;
            }
            // Back off 1, 2, 4 … 30 seconds, with jitter so a restarted server is not hit by every widget at once.
            var delay = Math.min(30000, 1000 * Math.pow(2, state.attempt++)) * (0.75 + Math.random() / 2);
            connection(T.offline);
            state.reconnectTimer = setTimeout(connect, delay);
        };
    }
    function transmit(frame) {
        if (state.ready && state.socket && state.socket.readyState === 1) {
            state.socket.send(JSON.stringify(frame));
            return true;
        }
        return false;
    }
    var handlers = {
        ready: function (f) {
            state.visitorId = f.visitorId;
            save("visitor", f.visitorId);
            state.ready = true;
            state.greeting = f.greeting;
            state.maxBytes = f.maxUploadBytes || state.maxBytes;
            renderLinks(f.links);
            state.consentText = f.consent && f.consent.text;
            renderConsent(f.consent);
            connection("");
            clearInterval(state.pingTimer);
            state.pingTimer = setInterval(function () { transmit({type: "ping"}); }, 25000);
        },
        history: function (f) {
            state.messages = [];
            state.ids = {};
            (f.messages || []).forEach(add);
            render();
            state.outbox.forEach(function (p) { transmit(p.frame); });
            markRead();
        },
        message: function (f) {
            if (f.direction === "in" && state.messages.some(function (m) { return m.clientId && m.clientId === f.clientId; })) return;
            if (!add(f)) return;
            if (f.direction === "out") {
                ui.typing.hidden = true;
                if (!isOpen() || document.visibilityState !== "visible") setUnread(state.unread + 1);
            }
            render();
            markRead();
        },
        status: function (f) {
            var sent = state.outbox.filter(function (p) { return p.clientId === f.clientId; })[0];
            state.outbox = state.outbox.filter(function (p) { return p.clientId !== f.clientId; });
            save("outbox", state.outbox);
            var known = state.messages.some(function (m) { return m.clientId === f.clientId; });
            if (sent && sent.frame.consent) renderConsent({required: false});
            if (sent && !known) {
                add({id: f.messageId || f.clientId, clientId: f.clientId, direction: "in", at: new Date().toISOString(),
                    text: sent.type === "button" ? sent.title : sent.text, attachments: sent.files || []});
            }
            render();
        },
        typing: function () {
            ui.typing.hidden = false;
            clearTimeout(state.typingTimer);
            state.typingTimer = setTimeout(function () { ui.typing.hidden = true; }, 6000);
        },
        error: function (f) {
            if (f.clientId) {
                var failed = state.outbox.filter(function (p) { return p.clientId === f.clientId; })[0];
                state.outbox = state.outbox.filter(function (p) { return p.clientId !== f.clientId; });
                save("outbox", state.outbox);
                if (failed && f.code === "consent-required") renderConsent({required: true, text: state.consentText});
                if (failed && failed.type === "message" && !ui.input.value) ui.input.value = failed.text || "";
                render();
            }
            notice(f.message);
            if (f.code === "token-unknown" || f.code === "origin-forbidden") state.fatal = true;
        },
        pong: function () {}
    };

    // ---------- what the visitor does ----------
    function post(frame) {
        if (state.consentRequired) {
            if (!ui.consentBox.checked) {
                notice(T.consent);
                return false;
            }
            frame.consent = true;
        }
        var pending = {clientId: frame.clientId, type: frame.type, text: frame.text, title: frame.title, files: frame.files, frame: frame};
        delete frame.files;
        state.outbox.push(pending);
        save("outbox", state.outbox);
        transmit(frame);
        render();
        return true;
    }
    function sendText() {
        var text = ui.input.value.trim();
        if (!text) return;
        if (post({type: "message", clientId: "c-" + uuid(), text: text})) ui.input.value = "";
    }
    function upload(file) {
        if (file.size > state.maxBytes) return notice(T.tooLarge);
        if (PHOTO_TYPES.indexOf(file.type) < 0) return notice(T.wrongType);
        if (state.consentRequired && !ui.consentBox.checked) return notice(T.consent);
        var form = new FormData();
        form.append("token", token);
        form.append("visitorId", state.visitorId || "");
        form.append("file", file);
        notice(T.uploading);
        fetch(new URL("/widget/uploads", server).href, {method: "POST", body: form}).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (!response.ok) throw new Error(body.message || (response.status === 413 ? T.tooLarge : T.uploadFailed));
                notice("");
                post({type: "message", clientId: "c-" + uuid(), attachments: [body.url], files: [body]});
            });
        }).catch(function (e) { notice(e && e.message ? e.message : T.uploadFailed); });
    }
    function isOpen() { return !ui.window.hidden; }
    function setUnread(n) {
        state.unread = n;
        ui.badge.textContent = n ? String(n) : "";
        ui.badge.hidden = !n;
    }
    function markRead() {
        if (isOpen() && document.visibilityState === "visible" && state.messages.some(function (m) { return m.direction === "out"; })) {
            setUnread(0);
            transmit({type: "read"});
        }
    }
    function open() {
        ui.window.hidden = false;
        ui.launcher.setAttribute("aria-expanded", "true");
        ui.launcher.setAttribute("aria-label", T.close);
        try { sessionStorage.setItem(KEY + "_open", "1"); } catch (e) { /* fine */ }
        markRead();
        ui.input.focus();
    }
    function close() {
        ui.window.hidden = true;
        ui.launcher.setAttribute("aria-expanded", "false");
        ui.launcher.setAttribute("aria-label", T.open);
        try { sessionStorage.removeItem(KEY + "_open"); } catch (e) { /* fine */ }
    }

    ui.launcher.addEventListener("click", function () { if (isOpen()) close(); else open(); });
    ui.closeButton.addEventListener("click", close);
    ui.form.addEventListener("submit", function (event) { event.preventDefault(); sendText(); });
    ui.input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); sendText(); }
    });
    ui.input.addEventListener("input", function () {
        var now = Date.now();
        if (now - state.lastTyping > 3000 && transmit({type: "typing"})) state.lastTyping = now;
    });
    ui.consentBox.addEventListener("change", function () { if (ui.consentBox.checked) notice(""); });
    ui.attach.addEventListener("click", function () { ui.file.click(); });
    ui.file.addEventListener("change", function () {
        if (ui.file.files && ui.file.files[0]) upload(ui.file.files[0]);
        ui.file.value = "";
    });
    document.addEventListener("visibilitychange", markRead);
    window.addEventListener("online", function () { state.attempt = 0; connect(); });

    window.BesedaChat = {
        version: "1",
        open: open,
        close: close,
        identify: function (who) {
            state.identity = {shopCustomerId: who && who.shopCustomerId != null ? String(who.shopCustomerId) : "",
                signature: who && who.signature || "", email: who && who.email, phone: who && who.phone, name: who && who.name};
            transmit({type: "identify", shopCustomerId: state.identity.shopCustomerId, signature: state.identity.signature,
                email: state.identity.email, phone: state.identity.phone, name: state.identity.name});
        }
    };

    function start() {
        document.body.appendChild(host);
        state.visitorId = visitorId();
        render();
        try { if (sessionStorage.getItem(KEY + "_open")) open(); } catch (e) { /* fine */ }
        connect();
    }
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})(window, document);
