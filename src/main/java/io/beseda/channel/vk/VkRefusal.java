package io.beseda.channel.vk;

import org.springframework.http.HttpStatus;

/** An event the webhook will not take, with the HTTP answer that says why; nothing of it has been stored. */
class VkRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    VkRefusal(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
