-- What each written brief contained (issue 19): the facts it printed, compactly,
-- so the next brief of the dossier can say what changed since. Bookkeeping, not
-- dossier content: not in the operation log, not searched.
CREATE TABLE brief_records (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    written_on TEXT NOT NULL,  -- the date the brief says it was generated
    lang TEXT NOT NULL,
    facts TEXT NOT NULL  -- JSON: fact key -> [kind, the fact as printed]
);
CREATE INDEX brief_records_dossier ON brief_records(dossier_id, written_on, id);
