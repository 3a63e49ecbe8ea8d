/** SMS through an HTTP gateway, SMSC.ru: sends over its HTTP API, takes in its status and incoming-SMS callbacks. */
@NullMarked
package io.beseda.channel.smsgateway;

import org.jspecify.annotations.NullMarked;
