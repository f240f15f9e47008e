-- Issue 22. The store marks itself as Dossier's in the SQLite header, so the app
-- can tell its own stores from other programs' SQLite files (dossier.store.connection
-- checks it on open). 0x444F5353 is "DOSS" in ASCII; `file` and the SQLite shell
-- show it as the application id. Stores of schema 1 and 2 get it here.
PRAGMA application_id = 1146049363;

-- Listing what cites a source (before deleting it, or in the brief's references)
-- looks events up by source like every other entity.
CREATE INDEX events_source ON events(source_id);

-- Officials lists (Wikidata office holders) carry a birth date and a gender; the
-- import keeps them and the brief's card shows them.
ALTER TABLE officials ADD COLUMN birth_date TEXT;
ALTER TABLE officials ADD COLUMN gender TEXT CHECK (gender IN ('female', 'male', 'other'));
