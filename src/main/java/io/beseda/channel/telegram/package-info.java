/**
 * Telegram through the Bot API: a bot the shop made with @BotFather sends and receives for it. Types and
 * calls come from telegrambots (meta and the OkHttp client), pointed at {@code beseda.channel.telegram.base-url}.
 */
@NullMarked
package io.beseda.channel.telegram;

import org.jspecify.annotations.NullMarked;
