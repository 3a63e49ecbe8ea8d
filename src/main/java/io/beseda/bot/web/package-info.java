/**
 * The bot's REST API under /api/v1/bot and its console page «Бот»: settings and texts, the shop's own intent
 * examples and its knowledge base.
 */
@NullMarked
package io.beseda.bot.web;

import org.jspecify.annotations.NullMarked;
