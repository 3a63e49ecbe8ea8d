/** The workspace's REST API (/api/v1) and its console pages under Settings. */
@NullMarked
package io.beseda.workspace.web;

import org.jspecify.annotations.NullMarked;
