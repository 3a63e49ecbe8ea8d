package io.beseda.customer.segment;

import java.util.List;

/** One page of a segment's members, newest first, and how many there are in all. */
record MemberPage(List<Member> items, int page, int size, long total) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    boolean hasPrevious() {
        return page > 0;
    }
}
