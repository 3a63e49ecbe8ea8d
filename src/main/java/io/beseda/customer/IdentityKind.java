package io.beseda.customer;

/** The ways Beseda recognises a person: contact details, the shop's own ids, and messenger accounts. */
public enum IdentityKind {
    PHONE, EMAIL, SHOP_ID, VISITOR, TELEGRAM, WHATSAPP, VIBER, VK, MAX
}
