package io.beseda.bot.nlu;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

import io.beseda.catalog.search.RussianText;

/**
 * What the classifier sees of a message: Snowball stems of its words (Lucene's Russian analysis, «ё» read
 * as «е», stop words kept: «где», «как», «когда» tell intents apart), pairs of neighbouring stems,
 * character three- and four-grams of every word so a typo («доствка») still shares most of its features with the word,
 * and the kinds of entities found (an order number, a phone, a price, a size, a city). Each feature counts
 * once, so a word repeated a hundred times does not outweigh the request.
 */
public final class Features {

    /** Long messages are read for their first part: the request is nearly always there. */
    static final int MAX_CHARS = 600;
    private static final NormalizeCharMap YO = yo();
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    private Features() {
    }

    /** The words of a text, lower case, «ё» as «е». */
    public static List<String> words(String text) {
        return RussianText.terms(WORDS, text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    }

    public static String stem(RussianStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    static String[] of(String text, Entities entities) {
        var words = words(text);
        var stemmer = new RussianStemmer();
        var features = new java.util.LinkedHashSet<String>(words.size() * 12 + 8);
        String previous = "^";
        for (var word : words) {
            boolean number = word.chars().allMatch(Character::isDigit);
            var stem = number ? (word.length() >= 4 ? "#num" : "#n") : stem(stemmer, word);
            features.add("w=" + stem);
            features.add("b=" + previous + "_" + stem);
            previous = stem;
            if (!number && word.length() >= 3) {
                var padded = "<" + word + ">";
                for (int i = 0; i + 3 <= padded.length(); i++) {
                    features.add("c=" + padded.substring(i, i + 3));
                    if (i + 4 <= padded.length()) {
                        features.add("d=" + padded.substring(i, i + 4));
                    }
                }
            }
        }
        features.add("b=" + previous + "_$");
        features.add(words.size() <= 2 ? "len=short" : words.size() <= 6 ? "len=mid" : "len=long");
        if (entities.orderNumber() != null) {
            features.add("e=order");
        }
        if (entities.phone() != null) {
            features.add("e=phone");
        }
        if (entities.maxPrice() != null || entities.minPrice() != null || entities.cheap()) {
            features.add("e=price");
        }
        if (entities.size() != null) {
            features.add("e=size");
        }
        if (entities.city() != null) {
            features.add("e=city");
        }
        return features.toArray(String[]::new);
    }

    private static NormalizeCharMap yo() {
        var map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        return map.build();
    }
}
