-- claimtrail store, schema version 18: where each quote sits in its source's body.
--
-- When a source has a body, an attribution's quote is looked for in it as it is recorded (attribute,
-- import, accepting a proposal, editing the quote) and the result is kept here: `verbatim` (found as
-- written once quotes, dashes and spaces are folded), `altered` (the best close match, the quote's
-- words changed) or `not_found`; the span is the matched text's UTF-8 byte offsets in the body, and
-- `body_sha256` the body it was looked for in. `quotes verify` looks again when the body's SHA-256
-- has changed since. A quote with no row here has not been looked for (no body, or an older store).
CREATE TABLE quote_location (
    attribution_id INTEGER PRIMARY KEY REFERENCES attribution (id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('verbatim', 'altered', 'not_found')),
    quote_start    INTEGER,
    quote_end      INTEGER,
    body_sha256    TEXT NOT NULL,
    located_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK ((status = 'not_found') = (quote_start IS NULL) AND (quote_start IS NULL) = (quote_end IS NULL)),
    CHECK (quote_start IS NULL OR (quote_start >= 0 AND quote_end >= quote_start))
);

-- A quote edited by any tool is no longer where it was found; claimtrail looks for the new one.
CREATE TRIGGER quote_location_quote_edited AFTER UPDATE OF quote ON attribution
WHEN NEW.quote IS NOT OLD.quote
BEGIN
    DELETE FROM quote_location WHERE attribution_id = NEW.id;
END;
