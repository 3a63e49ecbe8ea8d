/*
 * Beseda web push subscription, loaded by the storefront tracker when a page calls beseda.push.subscribe():
 * asks the browser's permission, registers the shop's service worker, subscribes with the workspace's VAPID key
 * and sends the subscription for this visitor. Resolves to true when subscribed. Call it from a click on
 * «Получать уведомления»; data-push-sw on the tracker's tag names the shop's service worker (default
 * /beseda-push-sw.js, a file on the shop's own site that imports Beseda's). beseda.push.supported() says whether
 * the browser can.
 */
(function (window, navigator) {
    "use strict";

    // A browser subscribes only through an active worker; the page need not be in its scope.
    function active(registration) {
        if (registration.active) return registration;
        var worker = registration.installing || registration.waiting;
        return new Promise(function (resolve) {
            worker.addEventListener("statechange", function () { if (worker.state === "activated") resolve(registration); });
        });
    }

    function key(base64url) {
        var text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4));
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        return bytes;
    }

    window.besedaPushSubscribe = function (base, visitor, worker) {
        return Notification.requestPermission().then(function (permission) {
            if (permission !== "granted") return false;
            return Promise.all([navigator.serviceWorker.register(worker).then(active),
                fetch(base + "/push-key", {credentials: "omit"}).then(function (r) {
                    if (!r.ok) throw new Error("web push is not connected: " + r.status);
                    return r.json();
                })]).then(function (both) {
                return both[0].pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key(both[1].publicKey)});
            }).then(function (subscription) {
                return fetch(base + "/push-subscriptions", {method: "POST", credentials: "omit", mode: "cors",
                    headers: {"Content-Type": "application/json"},
                    body: JSON.stringify({visitorId: visitor, subscription: subscription.toJSON()})});
            }).then(function (response) { return response.ok; });
        });
    };
})(window, navigator);
