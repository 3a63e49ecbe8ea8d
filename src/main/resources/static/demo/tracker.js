// The demo shop's own script: it loads the Beseda tracker with the demo workspace's token and reports
// what a customer does here with beseda.track and beseda.identify, as a real shop's pages would.
(function () {
    "use strict";
    var cart = [], sentTotal = 0;

    function $(id) { return document.getElementById(id); }
    function say(text) { $("status").textContent = text; }
    function rub(amount) { return amount.toLocaleString("ru-RU") + " ₽"; }
    function total() { return cart.reduce(function (sum, item) { return sum + item.price * item.quantity; }, 0); }

    function log(text) {
        var item = document.createElement("li");
        item.textContent = text;
        $("log").prepend(item);
    }

    function product(button) {
        var data = button.closest(".product").dataset;
        return {productId: data.id, name: data.name, price: Number(data.price), category: data.category};
    }

    function renderCart() {
        var count = cart.reduce(function (sum, item) { return sum + item.quantity; }, 0);
        $("cart-summary").textContent = count ? "Товаров: " + count + " на " + rub(total()) : "Корзина пуста";
    }

    function onProductClick(event) {
        var button = event.target.closest("button[data-action]");
        if (!button) return;
        var p = product(button);
        if (button.dataset.action === "view") {
            beseda.track("product_viewed", p);
            log("Просмотр товара «" + p.name + "»");
            return;
        }
        var line = cart.find(function (item) { return item.productId === p.productId; });
        if (line) line.quantity++; else cart.push({productId: p.productId, name: p.name, price: p.price, quantity: 1});
        beseda.track("cart_updated", {items: cart, total: total(), currency: "RUB"});
        log("Корзина: «" + p.name + "» добавлен");
        renderCart();
    }

    function onCheckout(event) {
        event.preventDefault();
        var phone = event.target.elements.phone.value.trim();
        if (!cart.length) {
            $("order").textContent = "Сначала положите что-нибудь в корзину.";
            return;
        }
        var orderId = "D-" + Math.random().toString(36).slice(2, 8).toUpperCase();
        beseda.identify({phone: phone});
        beseda.track("checkout_started", {items: cart, total: total(), currency: "RUB"});
        beseda.track("order_placed", {orderId: orderId, items: cart, total: total(), currency: "RUB", status: "new"});
        log("Заказ № " + orderId + " на " + rub(total()) + ", телефон " + phone);
        $("order").textContent = "Заказ № " + orderId + " оформлен. Найдите покупателя в консоли по телефону " + phone + ".";
        cart = [];
        renderCart();
    }

    function ready() {
        say("Трекер подключён. Идентификатор посетителя: " + beseda.visitorId());
        window.addEventListener("beseda:sent", function (event) {
            sentTotal += event.detail.events;
            $("sent").textContent = "Отправлено событий: " + sentTotal;
        });
        $("products").addEventListener("click", onProductClick);
        $("checkout").addEventListener("submit", onCheckout);
    }

    fetch("/demo/tracker/config")
        .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
        })
        .then(function (config) {
            var script = document.createElement("script");
            script.src = "/static/beseda-tracker.js";
            script.setAttribute("data-token", config.token);
            script.onload = ready;
            document.head.appendChild(script);
        })
        .catch(function () {
            say("Демо-магазин не создан: запустите Беседу на встроенной базе (./beseda run), он появится сам.");
        });
})();
