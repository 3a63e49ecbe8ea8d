/** API keys: issued once, kept only as a hash, refused the moment they are revoked. */
@NullMarked
package io.beseda.workspace.apikey;

import org.jspecify.annotations.NullMarked;
