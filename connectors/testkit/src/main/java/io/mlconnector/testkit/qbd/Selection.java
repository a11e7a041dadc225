package io.mlconnector.testkit.qbd;

import java.util.List;

/** Objects a query matched, in response order, and the first explicitly requested one not found. */
record Selection<T>(List<T> items, String missing) {
}
