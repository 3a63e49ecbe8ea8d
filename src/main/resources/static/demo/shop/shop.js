// The demo shop's own script, as a real shop's pages would have: it renders the catalogue, keeps the cart,
// reports what the customer does through the Beseda tracker and puts the Beseda web chat on every page.
(function () {
    "use strict";
    var catalogue = window.DEMO_CATALOGUE || [], CART = "demo_shop_cart";

    function $(id) { return document.getElementById(id); }
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
        (children || []).forEach(function (c) { node.appendChild(c); });
        return node;
    }
    function rub(amount) { return amount.toLocaleString("ru-RU") + " ₽"; }
    function find(id) { return catalogue.filter(function (p) { return p.id === id; })[0]; }
    function cart() { try { return JSON.parse(localStorage.getItem(CART)) || []; } catch (e) { return []; } }
    function total(items) { return items.reduce(function (sum, i) { return sum + i.price * i.quantity; }, 0); }
    function track(type, properties) { if (window.beseda && window.beseda.track) window.beseda.track(type, properties); }

    function saveCart(items) {
        localStorage.setItem(CART, JSON.stringify(items));
        track("cart_updated", {items: items, total: total(items), currency: "RUB"});
        showCount();
    }
    function showCount() {
        $("cart-count").textContent = String(cart().reduce(function (n, i) { return n + i.quantity; }, 0));
    }
    function addToCart(product) {
        var items = cart(), line = items.filter(function (i) { return i.productId === product.id; })[0];
        if (line) line.quantity++; else items.push({productId: product.id, name: product.name, price: product.price, quantity: 1});
        saveCart(items);
    }
    function picture(product, big) {
        var tile = el("div", {"class": "picture" + (big ? " big" : ""), role: "img", "aria-label": product.name});
        tile.style.background = "linear-gradient(135deg, " + product.colour + ", #f0f3f8)";
        tile.appendChild(el("span", {text: product.name.charAt(0), "aria-hidden": "true"}));
        return tile;
    }
    function addButton(product) {
        var button = el("button", {type: "button", "class": "primary", text: "В корзину"});
        button.addEventListener("click", function () {
            addToCart(product);
            button.textContent = "В корзине ✓";
        });
        return button;
    }

    var pages = {
        catalogue: function () {
            catalogue.forEach(function (p) {
                $("products").appendChild(el("li", {"class": "card", "data-id": p.id}, [
                    el("a", {href: "/demo/shop/product?id=" + p.id}, [picture(p), el("strong", {text: p.name})]),
                    el("span", {"class": "price", text: rub(p.price)}), addButton(p)]));
            });
            track("category_viewed", {category: "Каталог"});
        },
        product: function () {
            var p = find(new URLSearchParams(location.search).get("id")) || catalogue[0], box = $("product");
            document.title = p.name + " · Демо-магазин";
            box.textContent = "";
            [picture(p, true), el("div", {}, [el("p", {"class": "muted", text: p.category}), el("h1", {text: p.name}),
                el("p", {"class": "price", text: rub(p.price)}), el("p", {text: p.text}), addButton(p)])]
                .forEach(function (n) { box.appendChild(n); });
            track("product_viewed", {productId: p.id, name: p.name, category: p.category, price: p.price});
        },
        cart: function () {
            restoreCart().then(renderCart);
            $("checkout").addEventListener("focusin", function once() {
                $("checkout").removeEventListener("focusin", once);
                track("checkout_started", {items: cart(), total: total(cart()), currency: "RUB"});
            });
            $("checkout").addEventListener("submit", placeOrder);
        }
    };

    // A cart link from a Beseda message (an SMS, an e-mail) opens this page with ?beseda_cart=<token>: the cart the
    // customer left is fetched from Beseda and put back, so they land on a filled cart on any device and can buy.
    // Restoring is not the customer changing the cart, so nothing is tracked here.
    function restoreCart() {
        var token = new URLSearchParams(location.search).get("beseda_cart");
        if (!token) return Promise.resolve();
        return json("/r/" + encodeURIComponent(token) + "/cart").then(function (restored) {
            var items = (restored.items || []).filter(function (i) { return i.productId; }).map(function (i) {
                var known = find(i.productId);
                return {productId: i.productId, name: i.name || (known ? known.name : i.productId),
                    price: Number(i.price != null ? i.price : (known ? known.price : 0)), quantity: Math.max(1, i.quantity | 0)};
            });
            if (items.length) localStorage.setItem(CART, JSON.stringify(items));
        }).catch(function () {
            // an old or damaged link: the page shows whatever cart this browser has
        }).then(function () {
            history.replaceState(null, "", location.pathname);
            showCount();
        });
    }

    function renderCart() {
        var items = cart(), box = $("cart");
        box.textContent = "";
        $("checkout").hidden = !items.length;
        if (!items.length) {
            box.appendChild(el("p", {text: "Корзина пуста. "}, [el("a", {href: "/demo/shop", text: "В каталог"})]));
            return;
        }
        var list = el("ul", {"class": "cart-lines"});
        items.forEach(function (item) {
            var remove = el("button", {type: "button", "aria-label": "Убрать «" + item.name + "»", text: "✕"});
            remove.addEventListener("click", function () {
                saveCart(cart().filter(function (i) { return i.productId !== item.productId; }));
                renderCart();
            });
            list.appendChild(el("li", {}, [el("span", {text: item.name + " × " + item.quantity}),
                el("span", {"class": "price", text: rub(item.price * item.quantity)}), remove]));
        });
        box.appendChild(list);
        box.appendChild(el("p", {"class": "total", text: "Итого: " + rub(total(items))}));
    }

    function placeOrder(event) {
        event.preventDefault();
        var form = event.target.elements, items = cart();
        if (!items.length) return;
        var orderId = "D-" + Math.random().toString(36).slice(2, 8).toUpperCase();
        var who = {phone: form.phone.value.trim()};
        if (form.email.value.trim()) who.email = form.email.value.trim();
        if (window.beseda && window.beseda.identify) window.beseda.identify(who);
        track("order_placed", {orderId: orderId, items: items, total: total(items), currency: "RUB", status: "new"});
        localStorage.removeItem(CART);
        showCount();
        renderCart();
        $("order").textContent = "Спасибо, " + form.name.value.trim() + "! Заказ № " + orderId + " на " + rub(total(items))
            + " оформлен. Вопросы по заказу — в чат справа внизу.";
    }

    // «Скидки и напоминания»: the shop's own form. The shop's server (here /demo/shop/subscribe, standing in for it)
    // records each ticked consent; the tracker learns the contacts, so the visitor's browser and cart are theirs.
    function subscriptions() {
        var form = $("subscribe");
        if (!form) return;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var phone = form.elements.phone.value.trim(), email = form.elements.email.value.trim();
            var channels = Array.prototype.filter.call(form.querySelectorAll("input[name=channel]"), function (c) { return c.checked; })
                .map(function (c) { return c.value; });
            var status = $("subscribe-status");
            if (window.beseda && window.beseda.identify) {
                var who = {};
                if (phone) who.phone = phone;
                if (email) who.email = email;
                window.beseda.identify(who);
            }
            fetch("/demo/shop/subscribe", {method: "POST", headers: {"Content-Type": "application/json"},
                body: JSON.stringify({visitorId: window.beseda && window.beseda.visitorId ? window.beseda.visitorId() : null,
                    phone: phone, email: email, channels: channels})})
                .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
                .then(function (answer) {
                    status.textContent = answer.ok
                        ? "Готово. Положите что-нибудь в корзину и уйдите со страницы: напоминания придут в «Песочницу» консоли."
                        : answer.body.error;
                })
                .catch(function () { status.textContent = "Не получилось подписаться, попробуйте ещё раз."; });
        });
    }

    function load(src, attributes, done) {
        var script = document.createElement("script");
        script.src = src;
        Object.keys(attributes).forEach(function (k) { script.setAttribute(k, attributes[k]); });
        script.onload = done;
        script.onerror = done;
        document.head.appendChild(script);
    }
    function json(url) {
        return fetch(url).then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
    }

    showCount();
    // The tracker first, so the chat can use the same visitor id and the operator sees one profile.
    Promise.all([json("/demo/tracker/config").catch(function () { return null; }), json("/demo/shop/config")])
        .then(function (configs) {
            var startChat = function () {
                (pages[document.body.getAttribute("data-page")] || function () {})();
                subscriptions();
                load("/widget/beseda-chat.js", {"data-token": configs[1].chatToken}, function () {});
            };
            if (configs[0]) load("/static/beseda-tracker.js", {"data-token": configs[0].token}, startChat); else startChat();
        })
        .catch(function () {
            document.querySelector("main").prepend(el("p", {"class": "warning",
                text: "Демо-магазин не создан: запустите Беседу на встроенной базе (./beseda run), он появится сам."}));
        });
})();
