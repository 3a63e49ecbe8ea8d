package io.beseda.channel.vk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The addresses of one VK photo from the largest copy down. VK gives a photo as copies of several sizes
 * ({@code sizes}, each with a letter type and, for newer photos, its width and height) and, lately, the original
 * ({@code orig_photo}); the largest is the one worth keeping, the smaller ones are there in case it is over
 * Beseda's file limit.
 */
final class VkPhotoSizes {

    /** VK's size letters from the smallest to the largest, for copies that come without dimensions. */
    private static final String LETTERS = "smxopqryzw";

    private record Copy(String url, long area, int letter) {
    }

    private VkPhotoSizes() {
    }

    static List<String> largestFirst(JsonNode photo) {
        var copies = new ArrayList<Copy>();
        var original = photo.path("orig_photo");
        if (original.path("url").isString()) {
            copies.add(new Copy(original.get("url").stringValue(), area(original), LETTERS.length()));
        }
        for (var size : photo.path("sizes")) {
            var url = size.path("url").isString() ? size.get("url") : size.path("src");
            if (url.isString()) {
                copies.add(new Copy(url.stringValue(), area(size), LETTERS.indexOf(size.path("type").asString(""))));
            }
        }
        copies.sort(Comparator.comparingLong(Copy::area).thenComparingInt(Copy::letter).reversed());
        return copies.stream().map(Copy::url).distinct().toList();
    }

    private static long area(JsonNode copy) {
        return copy.path("width").asLong(0) * copy.path("height").asLong(0);
    }
}
