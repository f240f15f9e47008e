-- The first schema: dossiers and the facts they hold, an audit trail and full-text search.
-- Names follow the FollowTheMoney vocabulary where one exists.

CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 2),
    name TEXT NOT NULL,
    name_en TEXT,
    home_country TEXT,
    summary TEXT,
    classification TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'article',
    title TEXT NOT NULL,
    publisher TEXT,
    published_on TEXT,
    url TEXT,
    language TEXT,
    body TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX sources_dossier ON sources(dossier_id);

CREATE TABLE officials (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_latin TEXT,
    patronymic TEXT,
    position TEXT,
    organisation TEXT,
    country TEXT,
    side TEXT NOT NULL DEFAULT 'host' CHECK (side IN ('host', 'home', 'third')),
    start_date TEXT,
    end_date TEXT,
    status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'former')),
    biography TEXT,
    form_of_address TEXT,
    pronunciation TEXT,
    photo BLOB,
    notes TEXT,
    last_verified TEXT,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX officials_dossier ON officials(dossier_id);
CREATE INDEX officials_source ON officials(source_id);

CREATE TABLE trade_figures (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    flow TEXT NOT NULL CHECK (flow IN ('turnover', 'export', 'import')),
    amount REAL,
    currency TEXT,
    unit_scale TEXT,
    growth_factor REAL,
    base_start TEXT,
    base_end TEXT,
    estimate INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX trade_dossier ON trade_figures(dossier_id, period_start);
CREATE INDEX trade_source ON trade_figures(source_id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other',
    sector TEXT,
    home_partner TEXT,
    host_partner TEXT,
    status TEXT NOT NULL DEFAULT 'proposed',
    quantity INTEGER,
    quantity_unit TEXT,
    value REAL,
    currency TEXT,
    due_date TEXT,
    location TEXT,
    description TEXT,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX projects_dossier ON projects(dossier_id);
CREATE INDEX projects_source ON projects(source_id);

CREATE TABLE talking_points (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'key_message',
    topic TEXT,
    text TEXT NOT NULL,
    priority INTEGER,
    audience_id INTEGER REFERENCES officials(id) ON DELETE SET NULL,
    position INTEGER,
    releasable INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'draft',
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX points_dossier ON talking_points(dossier_id, position);
CREATE INDEX points_source ON talking_points(source_id);
CREATE INDEX points_audience ON talking_points(audience_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    place TEXT,
    start_date TEXT,
    end_date TEXT,
    programme TEXT,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX events_dossier ON events(dossier_id);

-- One row per changed field (or per inserted/deleted record), so "what changed
-- since the last brief" can be answered.
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    dossier_id INTEGER,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    field TEXT,
    old TEXT,
    new TEXT
);
CREATE INDEX changes_row ON changes(table_name, row_id);
CREATE INDEX changes_dossier ON changes(dossier_id, at);

-- Full-text search over every kind of record in one index. The rowid encodes
-- the record: id * 8 + kind number (1 official, 2 source, 3 project,
-- 4 talking point, 5 trade figure, 6 dossier, 7 event), so the triggers below
-- touch exactly one index row per change.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, kind UNINDEXED, dossier_id UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER officials_ai AFTER INSERT ON officials BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 1,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_latin, '') || ' ' || coalesce(new.patronymic, '')),
        (coalesce(new.position, '') || ' ' || coalesce(new.organisation, '') || ' ' || coalesce(new.country, '') || ' ' || coalesce(new.biography, '') || ' ' || coalesce(new.notes, '')),
        'official', new.dossier_id);
END;
CREATE TRIGGER officials_au AFTER UPDATE ON officials BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 1,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_latin, '') || ' ' || coalesce(new.patronymic, '')),
        (coalesce(new.position, '') || ' ' || coalesce(new.organisation, '') || ' ' || coalesce(new.country, '') || ' ' || coalesce(new.biography, '') || ' ' || coalesce(new.notes, '')),
        'official', new.dossier_id);
END;
CREATE TRIGGER officials_ad AFTER DELETE ON officials BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 2, (coalesce(new.title, '') || ' ' || coalesce(new.publisher, '')), new.body,
        'source', new.dossier_id);
END;
CREATE TRIGGER sources_au AFTER UPDATE ON sources BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 2, (coalesce(new.title, '') || ' ' || coalesce(new.publisher, '')), new.body,
        'source', new.dossier_id);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER projects_ai AFTER INSERT ON projects BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 3, new.title,
        (coalesce(new.sector, '') || ' ' || coalesce(new.home_partner, '') || ' ' || coalesce(new.host_partner, '') || ' ' || coalesce(new.quantity_unit, '') || ' ' || coalesce(new.location, '') || ' ' || coalesce(new.description, '')),
        'project', new.dossier_id);
END;
CREATE TRIGGER projects_au AFTER UPDATE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 3, new.title,
        (coalesce(new.sector, '') || ' ' || coalesce(new.home_partner, '') || ' ' || coalesce(new.host_partner, '') || ' ' || coalesce(new.quantity_unit, '') || ' ' || coalesce(new.location, '') || ' ' || coalesce(new.description, '')),
        'project', new.dossier_id);
END;
CREATE TRIGGER projects_ad AFTER DELETE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER talking_points_ai AFTER INSERT ON talking_points BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 4, new.topic, new.text, 'talking_point', new.dossier_id);
END;
CREATE TRIGGER talking_points_au AFTER UPDATE OF topic, text ON talking_points BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 4, new.topic, new.text, 'talking_point', new.dossier_id);
END;
CREATE TRIGGER talking_points_ad AFTER DELETE ON talking_points BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER trade_figures_ai AFTER INSERT ON trade_figures BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 5, (coalesce(new.flow, '') || ' ' || coalesce(new.period_start, '') || ' ' || coalesce(new.period_end, '')), new.note,
        'trade', new.dossier_id);
END;
CREATE TRIGGER trade_figures_au AFTER UPDATE ON trade_figures BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 5, (coalesce(new.flow, '') || ' ' || coalesce(new.period_start, '') || ' ' || coalesce(new.period_end, '')), new.note,
        'trade', new.dossier_id);
END;
CREATE TRIGGER trade_figures_ad AFTER DELETE ON trade_figures BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;

CREATE TRIGGER dossiers_ai AFTER INSERT ON dossiers BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 6, (coalesce(new.name, '') || ' ' || coalesce(new.name_en, '') || ' ' || coalesce(new.code, '')), new.summary,
        'dossier', new.id);
END;
CREATE TRIGGER dossiers_au AFTER UPDATE OF name, name_en, code, summary ON dossiers BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 6, (coalesce(new.name, '') || ' ' || coalesce(new.name_en, '') || ' ' || coalesce(new.code, '')), new.summary,
        'dossier', new.id);
END;
CREATE TRIGGER dossiers_ad AFTER DELETE ON dossiers BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 7, (coalesce(new.title, '') || ' ' || coalesce(new.place, '')), new.programme,
        'event', new.dossier_id);
END;
CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 7, (coalesce(new.title, '') || ' ' || coalesce(new.place, '')), new.programme,
        'event', new.dossier_id);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
END;
