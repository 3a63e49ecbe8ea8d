/**
 * VK community messages: the connector speaks the VK API ({@code messages.send}, photo and document uploads)
 * with the community's access token, and the Callback API webhook brings customers' messages, button presses,
 * receipts and message permissions, checked against the account's Callback API secret.
 */
@NullMarked
package io.beseda.channel.vk;

import org.jspecify.annotations.NullMarked;
