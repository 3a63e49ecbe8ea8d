-- What an order's latest status said about its delivery (courier, tracking link, expected date), for
-- "где мой заказ" answers: {"courierName", "courierPhone", "trackingUrl", "expectedAt"}.
alter table customer_order add column delivery jsonb;
