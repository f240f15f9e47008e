-- Handling on every record a brief may print (issue 18): background-only records stay
-- out of the releasable brief (NULL: releasable). Talking points keep their `releasable` flag.
-- The marking a releasable brief prints unless told otherwise.
ALTER TABLE dossiers ADD COLUMN release_marking TEXT;
ALTER TABLE sources ADD COLUMN handling TEXT;
ALTER TABLE officials ADD COLUMN handling TEXT;
ALTER TABLE projects ADD COLUMN handling TEXT;
ALTER TABLE events ADD COLUMN handling TEXT;

-- Protocol precedence of an official; NULL means "derived from the post".
ALTER TABLE officials ADD COLUMN rank TEXT;

-- The programme of a visit: each event with its time, kind, participants and notes.
ALTER TABLE events ADD COLUMN time TEXT;
ALTER TABLE events ADD COLUMN kind TEXT;
ALTER TABLE events ADD COLUMN participants TEXT;
ALTER TABLE events ADD COLUMN notes TEXT;
