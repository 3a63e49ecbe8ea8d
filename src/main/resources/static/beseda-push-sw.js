/*
 * Beseda web push service worker. A service worker must come from the shop's own origin, so the shop puts a file
 * /beseda-push-sw.js on its site with the one line
 *   importScripts("https://beseda.example/static/beseda-push-sw.js");
 * and the tracker registers it when the page calls beseda.push.subscribe().
 * A push carries {title, body, url, shown, tag, icon?, image?}: the notification is shown, Beseda is told it was
 * (the "shown" beacon: delivered), and a click opens "url", Beseda's redirect that counts the click (read).
 */
self.addEventListener("push", function (event) {
    var data = {};
    try { data = event.data ? event.data.json() : {}; } catch (e) { data = {body: event.data ? event.data.text() : ""}; }
    var options = {body: data.body || "", tag: data.tag, data: {url: data.url}};
    if (data.icon) options.icon = data.icon;
    if (data.image) options.image = data.image;
    var shown = self.registration.showNotification(data.title || "", options).then(function () {
        if (data.shown) return fetch(data.shown, {method: "POST", mode: "cors", credentials: "omit", keepalive: true})
            .catch(function () { /* a missed beacon only loses the delivery receipt */ });
    });
    event.waitUntil(shown);
});

self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var url = event.notification.data && event.notification.data.url;
    if (url) event.waitUntil(self.clients.openWindow(url));
});
