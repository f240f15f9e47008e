-- Issue 16 (speed): the trade tab's chart and the brief sum the dossier's pair in one
-- statement (`pair_sums`). Through the old trade_pair index (dossier_id, reporter,
-- partner, period_start) every matching figure was then read from the table, rows
-- scattered over a large file: on a dossier of 100,000 figures most of the statement's
-- time. The index now holds every column the statement reads, so the table is not
-- visited. Same name: the store's queries name it (INDEXED BY trade_pair).
DROP INDEX IF EXISTS trade_pair;
CREATE INDEX trade_pair ON trade_figures(
    dossier_id, reporter, partner, period_start, period_end, flow, kind, currency,
    source_id, amount, unit_scale, growth_factor);
