-- claimtrail store, schema version 2: fact-checkers' verdicts on claims, as published in ClaimReview.

-- One reviewer's verdict on a claim; a reviewer who revises a verdict replaces it.
-- rating is the verdict in words ("False", "Misleading"); score, best and worst place it on a
-- numeric scale when the reviewer uses one.
CREATE TABLE verdict (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claim (id),
    rating      TEXT NOT NULL CHECK (length(trim(rating)) > 0),
    score       INTEGER,
    best        INTEGER,
    worst       INTEGER,
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    reviewed_on TEXT,
    url         TEXT,
    UNIQUE (claim_id, reviewer)
);
