package io.beseda.catalog.feed;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads a Yandex Market YML feed ({@code yml_catalog/shop/categories, offers}) as a stream, so a feed of
 * a hundred thousand offers never sits in memory. An offer that cannot be used (no id, no name, no price,
 * a price that is not a number, an id seen before) is refused with its line and the reason; the rest of
 * the feed still counts. DTDs and external entities are refused outright.
 */
public final class YmlReader {

    public static final int MAX_NAME = 500;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_PICTURES = 20;
    public static final int MAX_PARAMS = 100;

    /** Where what the feed holds goes, as it is read. */
    public interface Sink {
        void category(FeedCategory category);

        void offer(FeedOffer offer);

        void refused(FeedRefusal refusal);
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    private YmlReader() {
    }

    public static void read(InputStream in, Sink sink) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            new Parse(xml, sink).document();
        } catch (XMLStreamException e) {
            var at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
            throw new FeedException("Not a readable XML feed (" + at + e.getMessage() + ")", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private static XMLInputFactory secureFactory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static final class Parse {
        private final XMLStreamReader xml;
        private final Sink sink;
        private final Set<String> seen = new HashSet<>();
        /** The shop's own address ({@code <shop><url>}): offers' relative links are read against it. */
        private java.net.@org.jspecify.annotations.Nullable URI shopUrl;

        Parse(XMLStreamReader xml, Sink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        void document() throws XMLStreamException {
            if (!nextStart() || !xml.getLocalName().equals("yml_catalog")) {
                throw new FeedException("Not a YML feed: the file must start with <yml_catalog>");
            }
            while (nextStart()) {
                switch (xml.getLocalName()) {
                    case "category" -> category();
                    case "offer" -> offer();
                    case "url" -> shopUrl = absolute(trimmed(xml.getElementText()));
                    default -> {
                        // shop, name, company, currencies, categories, offers: containers and shop details
                    }
                }
            }
        }

        private static java.net.@org.jspecify.annotations.Nullable URI absolute(@org.jspecify.annotations.Nullable String url) {
            try {
                var uri = url == null ? null : new java.net.URI(url);
                return uri != null && uri.isAbsolute() ? uri : null;
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }

        private boolean nextStart() throws XMLStreamException {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
            }
            return false;
        }

        private void category() throws XMLStreamException {
            var id = trimmed(xml.getAttributeValue(null, "id"));
            var parent = trimmed(xml.getAttributeValue(null, "parentId"));
            var name = trimmed(xml.getElementText());
            if (id != null && name != null) {
                sink.category(new FeedCategory(id, parent, name));
            }
        }

        private void offer() throws XMLStreamException {
            int line = xml.getLocation().getLineNumber();
            var offer = new OfferFields(trimmed(xml.getAttributeValue(null, "id")), trimmed(xml.getAttributeValue(null, "group_id")),
                    !"false".equalsIgnoreCase(trimmed(xml.getAttributeValue(null, "available"))));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("offer")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    field(offer);
                }
            }
            var problem = offer.problem(seen);
            if (problem != null) {
                sink.refused(new FeedRefusal(offer.id, line, problem));
                return;
            }
            seen.add(offer.id);
            if (offer.url != null && shopUrl != null && !offer.url.contains("://")) {
                try {
                    offer.url = shopUrl.resolve(offer.url).toString();
                } catch (IllegalArgumentException notALink) {
                    // kept as the feed wrote it
                }
            }
            sink.offer(offer.toOffer());
        }

        private void field(OfferFields offer) throws XMLStreamException {
            switch (xml.getLocalName()) {
                case "name" -> offer.name = trimmed(xml.getElementText());
                case "typePrefix" -> offer.typePrefix = trimmed(xml.getElementText());
                case "model" -> offer.model = trimmed(xml.getElementText());
                case "vendor" -> offer.vendor = trimmed(xml.getElementText());
                case "vendorCode" -> offer.vendorCode = trimmed(xml.getElementText());
                case "categoryId" -> offer.categoryId = trimmed(xml.getElementText());
                case "price" -> offer.price = trimmed(xml.getElementText());
                case "oldprice" -> offer.oldPrice = trimmed(xml.getElementText());
                case "currencyId" -> offer.currency = trimmed(xml.getElementText());
                case "url" -> offer.url = trimmed(xml.getElementText());
                case "description" -> offer.description = trimmed(xml.getElementText());
                case "picture" -> {
                    var picture = trimmed(xml.getElementText());
                    if (picture != null && offer.pictures.size() < MAX_PICTURES) {
                        offer.pictures.add(picture);
                    }
                }
                case "param" -> {
                    var name = trimmed(xml.getAttributeValue(null, "name"));
                    var unit = trimmed(xml.getAttributeValue(null, "unit"));
                    var value = trimmed(xml.getElementText());
                    if (name != null && value != null && offer.params.size() < MAX_PARAMS) {
                        offer.params.add(new FeedOffer.Param(name, unit, value));
                    }
                }
                case "outlet" -> {
                    var store = trimmed(xml.getAttributeValue(null, "id"));
                    var inStock = trimmed(xml.getAttributeValue(null, "instock"));
                    if (store != null) {
                        offer.stock.put(store, quantity(inStock));
                    }
                }
                default -> {
                    // outlets (the container), delivery options, barcodes, …: not used
                }
            }
        }

        private static int quantity(@Nullable String text) {
            if (text == null) {
                return 0;
            }
            try {
                return Math.max(0, Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** What an offer's elements said, checked once the offer is read to its end. */
    private static final class OfferFields {
        final @Nullable String id;
        final @Nullable String groupId;
        final boolean available;
        @Nullable String name;
        @Nullable String typePrefix;
        @Nullable String model;
        @Nullable String vendor;
        @Nullable String vendorCode;
        @Nullable String categoryId;
        @Nullable String price;
        @Nullable String oldPrice;
        @Nullable String currency;
        @Nullable String url;
        @Nullable String description;
        final List<String> pictures = new ArrayList<>();
        final List<FeedOffer.Param> params = new ArrayList<>();
        final LinkedHashMap<String, Integer> stock = new LinkedHashMap<>();

        OfferFields(@Nullable String id, @Nullable String groupId, boolean available) {
            this.id = id;
            this.groupId = groupId;
            this.available = available;
        }

        /** The name a vendor.model offer is known by when it has no name of its own. */
        @Nullable
        String fullName() {
            if (name != null) {
                return name;
            }
            if (model == null) {
                return null;
            }
            var parts = new ArrayList<String>();
            for (var part : new String[] {typePrefix, vendor, model}) {
                if (part != null) {
                    parts.add(part);
                }
            }
            return String.join(" ", parts);
        }

        @Nullable
        String problem(Set<String> seen) {
            if (id == null) {
                return "У предложения нет атрибута id · the offer has no id";
            }
            if (seen.contains(id)) {
                return "Предложение с таким id уже было в файле · an offer with this id came earlier in the file";
            }
            var full = fullName();
            if (full == null) {
                return "Нет названия (name или model) · no name (name or model)";
            }
            if (full.length() > MAX_NAME) {
                return "Название длиннее " + MAX_NAME + " символов · the name is longer than " + MAX_NAME + " characters";
            }
            if (price == null) {
                return "Нет цены (price) · no price";
            }
            if (amount(price) == null) {
                return "Цена «" + abbreviate(price) + "» — не число · the price is not a number";
            }
            if (oldPrice != null && amount(oldPrice) == null) {
                return "Старая цена «" + abbreviate(oldPrice) + "» — не число · the old price is not a number";
            }
            return null;
        }

        FeedOffer toOffer() {
            var full = fullName();
            var amount = amount(price);
            if (id == null || full == null || amount == null) {
                throw new IllegalStateException("toOffer() before problem() said the offer is whole");
            }
            var old = oldPrice == null ? null : amount(oldPrice);
            var text = description == null || description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION);
            return new FeedOffer(id, groupId, full, vendor, vendorCode, categoryId, amount,
                    old != null && old.compareTo(amount) > 0 ? old : null, currency(currency), available, url, text,
                    pictures, params, stock);
        }

        /** A price as shops write it: «1490», «1490.00», «1 490,50». Negative prices are not prices. */
        @Nullable
        static BigDecimal amount(@Nullable String text) {
            if (text == null) {
                return null;
            }
            var normalised = text.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
            try {
                var value = new BigDecimal(normalised);
                return value.signum() < 0 || value.stripTrailingZeros().scale() > 2 ? null : value.setScale(2);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        /** RUR is how YML spells the rouble; the rest are kept as the feed writes them. */
        static String currency(@Nullable String code) {
            if (code == null || code.equalsIgnoreCase("RUR") || code.equalsIgnoreCase("RUB")) {
                return "RUB";
            }
            return code.toUpperCase(Locale.ROOT);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }

    private static @Nullable String trimmed(@Nullable String text) {
        if (text == null) {
            return null;
        }
        var stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
