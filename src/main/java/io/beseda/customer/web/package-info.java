/** The customer module's REST API (/api/v1/customers, /api/v1/events) and console pages. */
@NullMarked
package io.beseda.customer.web;

import org.jspecify.annotations.NullMarked;
