/**
 * Push notifications: web push to browsers that subscribed on the shop's pages through the storefront tracker
 * (RFC 8030 with aes128gcm payload encryption, RFC 8291, and VAPID, RFC 8292, by zerodep web-push), and mobile
 * push to app installations through Firebase Cloud Messaging's HTTP v1 API. Every notification carries a
 * tracking link: shown and clicked, it becomes the message's delivery and read receipt.
 */
@NullMarked
package io.beseda.channel.push;

import org.jspecify.annotations.NullMarked;
