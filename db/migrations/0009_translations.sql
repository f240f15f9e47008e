-- Issue 19: every text of a dossier may hold an English version beside the original
-- (the `*_en` columns, declared by english_field in dossier.model), officials a name
-- in their own script (name_native: İlham Əliyev), dossiers an English marking.
-- The search index takes the English text too, so "excavators" finds the project;
-- the native spelling goes with the body, so a hit's title stays the name and its Latin.
ALTER TABLE dossiers ADD COLUMN home_country_en TEXT;
ALTER TABLE dossiers ADD COLUMN summary_en TEXT;
ALTER TABLE dossiers ADD COLUMN classification_en TEXT;
ALTER TABLE dossiers ADD COLUMN release_marking_en TEXT;
ALTER TABLE sources ADD COLUMN title_en TEXT;
ALTER TABLE sources ADD COLUMN publisher_en TEXT;
ALTER TABLE officials ADD COLUMN name_native TEXT;
ALTER TABLE officials ADD COLUMN position_en TEXT;
ALTER TABLE officials ADD COLUMN organisation_en TEXT;
ALTER TABLE officials ADD COLUMN country_en TEXT;
ALTER TABLE officials ADD COLUMN biography_en TEXT;
ALTER TABLE officials ADD COLUMN form_of_address_en TEXT;
ALTER TABLE officials ADD COLUMN notes_en TEXT;
ALTER TABLE trade_figures ADD COLUMN note_en TEXT;
ALTER TABLE projects ADD COLUMN title_en TEXT;
ALTER TABLE projects ADD COLUMN sector_en TEXT;
ALTER TABLE projects ADD COLUMN home_partner_en TEXT;
ALTER TABLE projects ADD COLUMN host_partner_en TEXT;
ALTER TABLE projects ADD COLUMN quantity_unit_en TEXT;
ALTER TABLE projects ADD COLUMN location_en TEXT;
ALTER TABLE projects ADD COLUMN description_en TEXT;
ALTER TABLE talking_points ADD COLUMN topic_en TEXT;
ALTER TABLE talking_points ADD COLUMN text_en TEXT;
ALTER TABLE events ADD COLUMN title_en TEXT;
ALTER TABLE events ADD COLUMN place_en TEXT;
ALTER TABLE events ADD COLUMN participants_en TEXT;
ALTER TABLE events ADD COLUMN programme_en TEXT;
ALTER TABLE events ADD COLUMN notes_en TEXT;

DROP TRIGGER officials_ai;
DROP TRIGGER officials_au;
CREATE TRIGGER officials_ai AFTER INSERT ON officials BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 1,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_latin, '') || ' ' || coalesce(new.patronymic, '')),
        (coalesce(new.name_native, '') || ' ' || coalesce(new.position, '') || ' ' || coalesce(new.position_en, '') || ' ' || coalesce(new.organisation, '') || ' ' || coalesce(new.organisation_en, '') || ' ' || coalesce(new.country, '') || ' ' || coalesce(new.country_en, '') || ' ' || coalesce(new.biography, '') || ' ' || coalesce(new.biography_en, '') || ' ' || coalesce(new.notes, '') || ' ' || coalesce(new.notes_en, '')),
        'official', new.dossier_id);
END;
CREATE TRIGGER officials_au AFTER UPDATE ON officials BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 1,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_latin, '') || ' ' || coalesce(new.patronymic, '')),
        (coalesce(new.name_native, '') || ' ' || coalesce(new.position, '') || ' ' || coalesce(new.position_en, '') || ' ' || coalesce(new.organisation, '') || ' ' || coalesce(new.organisation_en, '') || ' ' || coalesce(new.country, '') || ' ' || coalesce(new.country_en, '') || ' ' || coalesce(new.biography, '') || ' ' || coalesce(new.biography_en, '') || ' ' || coalesce(new.notes, '') || ' ' || coalesce(new.notes_en, '')),
        'official', new.dossier_id);
END;

DROP TRIGGER sources_ai;
DROP TRIGGER sources_au;
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 2,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.publisher_en, '')),
        new.body,
        'source', new.dossier_id);
END;
CREATE TRIGGER sources_au AFTER UPDATE ON sources BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 2,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '') || ' ' || coalesce(new.publisher, '') || ' ' || coalesce(new.publisher_en, '')),
        new.body,
        'source', new.dossier_id);
END;

DROP TRIGGER projects_ai;
DROP TRIGGER projects_au;
CREATE TRIGGER projects_ai AFTER INSERT ON projects BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 3,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '')),
        (coalesce(new.sector, '') || ' ' || coalesce(new.sector_en, '') || ' ' || coalesce(new.home_partner, '') || ' ' || coalesce(new.home_partner_en, '') || ' ' || coalesce(new.host_partner, '') || ' ' || coalesce(new.host_partner_en, '') || ' ' || coalesce(new.quantity_unit, '') || ' ' || coalesce(new.quantity_unit_en, '') || ' ' || coalesce(new.location, '') || ' ' || coalesce(new.location_en, '') || ' ' || coalesce(new.description, '') || ' ' || coalesce(new.description_en, '')),
        'project', new.dossier_id);
END;
CREATE TRIGGER projects_au AFTER UPDATE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 3,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '')),
        (coalesce(new.sector, '') || ' ' || coalesce(new.sector_en, '') || ' ' || coalesce(new.home_partner, '') || ' ' || coalesce(new.home_partner_en, '') || ' ' || coalesce(new.host_partner, '') || ' ' || coalesce(new.host_partner_en, '') || ' ' || coalesce(new.quantity_unit, '') || ' ' || coalesce(new.quantity_unit_en, '') || ' ' || coalesce(new.location, '') || ' ' || coalesce(new.location_en, '') || ' ' || coalesce(new.description, '') || ' ' || coalesce(new.description_en, '')),
        'project', new.dossier_id);
END;

DROP TRIGGER talking_points_ai;
DROP TRIGGER talking_points_au;
CREATE TRIGGER talking_points_ai AFTER INSERT ON talking_points BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 4,
        (coalesce(new.topic, '') || ' ' || coalesce(new.topic_en, '')),
        (coalesce(new.text, '') || ' ' || coalesce(new.text_en, '')),
        'talking_point', new.dossier_id);
END;
CREATE TRIGGER talking_points_au AFTER UPDATE OF topic, topic_en, text, text_en ON talking_points BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 4,
        (coalesce(new.topic, '') || ' ' || coalesce(new.topic_en, '')),
        (coalesce(new.text, '') || ' ' || coalesce(new.text_en, '')),
        'talking_point', new.dossier_id);
END;

DROP TRIGGER trade_figures_ai;
DROP TRIGGER trade_figures_au;
CREATE TRIGGER trade_figures_ai AFTER INSERT ON trade_figures BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 5,
        (coalesce(new.flow, '') || ' ' || coalesce(new.period_start, '') || ' ' || coalesce(new.period_end, '')),
        (coalesce(new.note, '') || ' ' || coalesce(new.note_en, '')),
        'trade', new.dossier_id);
END;
CREATE TRIGGER trade_figures_au AFTER UPDATE ON trade_figures BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 5,
        (coalesce(new.flow, '') || ' ' || coalesce(new.period_start, '') || ' ' || coalesce(new.period_end, '')),
        (coalesce(new.note, '') || ' ' || coalesce(new.note_en, '')),
        'trade', new.dossier_id);
END;

DROP TRIGGER dossiers_ai;
DROP TRIGGER dossiers_au;
CREATE TRIGGER dossiers_ai AFTER INSERT ON dossiers BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 6,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_en, '') || ' ' || coalesce(new.code, '')),
        (coalesce(new.summary, '') || ' ' || coalesce(new.summary_en, '')),
        'dossier', new.id);
END;
CREATE TRIGGER dossiers_au AFTER UPDATE OF name, name_en, code, summary, summary_en ON dossiers BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 6,
        (coalesce(new.name, '') || ' ' || coalesce(new.name_en, '') || ' ' || coalesce(new.code, '')),
        (coalesce(new.summary, '') || ' ' || coalesce(new.summary_en, '')),
        'dossier', new.id);
END;

DROP TRIGGER events_ai;
DROP TRIGGER events_au;
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 7,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '') || ' ' || coalesce(new.place, '') || ' ' || coalesce(new.place_en, '')),
        (coalesce(new.programme, '') || ' ' || coalesce(new.programme_en, '') || ' ' || coalesce(new.participants, '') || ' ' || coalesce(new.participants_en, '')),
        'event', new.dossier_id);
END;
CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
    INSERT INTO search_index(rowid, title, body, kind, dossier_id) VALUES (
        new.id * 8 + 7,
        (coalesce(new.title, '') || ' ' || coalesce(new.title_en, '') || ' ' || coalesce(new.place, '') || ' ' || coalesce(new.place_en, '')),
        (coalesce(new.programme, '') || ' ' || coalesce(new.programme_en, '') || ' ' || coalesce(new.participants, '') || ' ' || coalesce(new.participants_en, '')),
        'event', new.dossier_id);
END;
