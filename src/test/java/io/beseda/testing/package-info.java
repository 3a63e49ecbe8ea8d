/** What integration tests share: the test PostgreSQL and fresh workspaces per test. */
@NullMarked
package io.beseda.testing;

import org.jspecify.annotations.NullMarked;
