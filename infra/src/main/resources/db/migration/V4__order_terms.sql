-- Every order type and time in force (issue 4): the stop, trailing and expiry terms of an order and its
-- outside-regular-trading-hours flag. The checks mirror the API's validation (OrderValidation), so a row
-- the API would refuse cannot be written by any other path either.
ALTER TABLE orders
    ADD COLUMN stop_price    numeric CHECK (stop_price IS NULL OR stop_price > 0),
    ADD COLUMN trail_amount  numeric CHECK (trail_amount IS NULL OR trail_amount > 0),
    ADD COLUMN trail_percent numeric CHECK (trail_percent IS NULL OR (trail_percent > 0 AND trail_percent < 100)),
    ADD COLUMN expire_at     timestamptz,
    ADD COLUMN outside_rth   boolean NOT NULL DEFAULT false;

ALTER TABLE orders DROP CONSTRAINT orders_limit_price_required;

ALTER TABLE orders
    ADD CONSTRAINT orders_type_check
        CHECK (type IN ('MKT', 'LMT', 'STP', 'STP_LMT', 'TRAIL', 'MOC', 'LOC')),
    ADD CONSTRAINT orders_tif_check
        CHECK (tif IN ('DAY', 'GTC', 'IOC', 'FOK', 'GTD', 'OPG')),
    -- LMT, STP_LMT and LOC carry a limit price; no other type does.
    ADD CONSTRAINT orders_limit_price_by_type
        CHECK ((limit_price IS NOT NULL) = (type IN ('LMT', 'STP_LMT', 'LOC'))),
    -- STP and STP_LMT carry a stop price; TRAIL may (its initial stop); no other type does.
    ADD CONSTRAINT orders_stop_price_by_type
        CHECK (CASE WHEN type IN ('STP', 'STP_LMT') THEN stop_price IS NOT NULL
                    WHEN type = 'TRAIL' THEN true
                    ELSE stop_price IS NULL END),
    -- A TRAIL trails by exactly one of an amount and a percentage; other types by neither.
    ADD CONSTRAINT orders_trail_by_type
        CHECK (CASE WHEN type = 'TRAIL' THEN (trail_amount IS NULL) <> (trail_percent IS NULL)
                    ELSE trail_amount IS NULL AND trail_percent IS NULL END),
    -- GTD orders, and only they, have an expiry time.
    ADD CONSTRAINT orders_expire_at_by_tif
        CHECK ((expire_at IS NOT NULL) = (tif = 'GTD')),
    ADD CONSTRAINT orders_auction_type_tif
        CHECK (type NOT IN ('MOC', 'LOC') OR tif = 'DAY'),
    ADD CONSTRAINT orders_opg_type
        CHECK (tif <> 'OPG' OR type IN ('MKT', 'LMT')),
    ADD CONSTRAINT orders_outside_rth_sessions
        CHECK (NOT outside_rth OR (type NOT IN ('MOC', 'LOC') AND tif <> 'OPG'));
