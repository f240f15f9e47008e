-- Sorting a dossier's 100,000 officials or trade figures from an index instead of
-- sorting them on every page (issue 8).
--
-- officials.name_key is fold(name): case- and ё-insensitive, so "алиев" sorts
-- beside "Ангелов" and "ёлкин" beside "Ежов". The repository writes it with every
-- add and update (a trigger cannot: fold() exists only in the app's connections,
-- and the file must stay writable by plain SQLite tools). Rows written by such
-- tools get NULL and sort first until the app next saves them.
ALTER TABLE officials ADD COLUMN name_key TEXT;
UPDATE officials SET name_key = fold(name);

-- The tab's natural order (side, then name) and the order by name.
CREATE INDEX officials_order ON officials(dossier_id, side, name_key, name);
CREATE INDEX officials_name ON officials(dossier_id, name_key, name);

-- Trade figures in their natural order (period, then flow) and by amount; the
-- first replaces trade_dossier(dossier_id, period_start), which it extends.
DROP INDEX trade_dossier;
CREATE INDEX trade_order ON trade_figures(dossier_id, period_start, period_end, flow);
CREATE INDEX trade_amount ON trade_figures(dossier_id, amount);
