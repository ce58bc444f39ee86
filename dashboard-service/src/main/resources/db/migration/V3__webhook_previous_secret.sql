-- A replaced signing secret keeps signing beside the new one (webhook-signature then holds two signatures) until
-- previous_secret_until, so that a receiver can switch to the new secret without refusing deliveries meanwhile.
ALTER TABLE webhook
    ADD COLUMN previous_secret       bytea,
    ADD COLUMN previous_secret_until timestamptz;
