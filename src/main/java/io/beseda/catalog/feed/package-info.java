/** Reading catalogue feeds: the Yandex Market YML format, streamed, with every refusal explained. */
@NullMarked
package io.beseda.catalog.feed;

import org.jspecify.annotations.NullMarked;
