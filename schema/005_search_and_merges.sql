-- claimtrail store, schema version 5: full-text search over claims, quotes, speakers and source titles,
-- kept in sync by triggers; and merged claims, whose old id and wording still resolve.

-- One row per searchable thing. rowid = id * 4 + kind, kind 0 claim, 1 attribution (its quote),
-- 2 speaker (name and aliases), 3 source (title), so every sync is a rowid operation.
CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_claim_added AFTER INSERT ON claim BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
CREATE TRIGGER search_claim_edited AFTER UPDATE OF text ON claim BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4;
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4, NEW.text);
END;
CREATE TRIGGER search_claim_removed AFTER DELETE ON claim BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4;
END;

CREATE TRIGGER search_quote_added AFTER INSERT ON attribution WHEN NEW.quote IS NOT NULL BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 1, NEW.quote);
END;
CREATE TRIGGER search_quote_edited AFTER UPDATE OF quote ON attribution BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    INSERT INTO search_index (rowid, body) SELECT NEW.id * 4 + 1, NEW.quote WHERE NEW.quote IS NOT NULL;
END;
CREATE TRIGGER search_quote_removed AFTER DELETE ON attribution BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER search_speaker_added AFTER INSERT ON speaker BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 2, NEW.name);
END;
CREATE TRIGGER search_speaker_edited AFTER UPDATE OF name ON speaker BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT NEW.id * 4 + 2, NEW.name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM speaker_alias
            WHERE speaker_id = NEW.id), '');
END;
CREATE TRIGGER search_speaker_removed AFTER DELETE ON speaker BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;
CREATE TRIGGER search_alias_added AFTER INSERT ON speaker_alias BEGIN
    DELETE FROM search_index WHERE rowid = NEW.speaker_id * 4 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT id * 4 + 2, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM speaker_alias
            WHERE speaker_id = NEW.speaker_id), '')
        FROM speaker WHERE id = NEW.speaker_id;
END;

CREATE TRIGGER search_source_added AFTER INSERT ON source BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 3, NEW.title);
END;
CREATE TRIGGER search_source_edited AFTER UPDATE OF title ON source BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    INSERT INTO search_index (rowid, body) VALUES (NEW.id * 4 + 3, NEW.title);
END;
CREATE TRIGGER search_source_removed AFTER DELETE ON source BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;

-- Existing stores: index what is already there.
INSERT INTO search_index (rowid, body) SELECT id * 4, text FROM claim;
INSERT INTO search_index (rowid, body) SELECT id * 4 + 1, quote FROM attribution WHERE quote IS NOT NULL;
INSERT INTO search_index (rowid, body)
    SELECT id * 4 + 2, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM speaker_alias
        WHERE speaker_id = speaker.id), '')
    FROM speaker;
INSERT INTO search_index (rowid, body) SELECT id * 4 + 3, title FROM source;

-- A claim merged into another: its former id and wording resolve to the claim it joined.
CREATE TABLE claim_merge (
    merged_id  INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    normalized TEXT NOT NULL UNIQUE,
    into_id    INTEGER NOT NULL REFERENCES claim (id)
);
CREATE INDEX claim_merge_by_target ON claim_merge (into_id);
