-- The country's trade with the world and third countries (the context table beside
-- the dossier's own trade) is read from whole-year figures only. These indexes find
-- them by reporter or partner without visiting a dossier's monthly rows: a dossier
-- of 100,000 monthly figures would otherwise be read through on every redraw.
CREATE INDEX trade_reporter_years ON trade_figures(dossier_id, reporter, length(period_start));
CREATE INDEX trade_partner_years ON trade_figures(dossier_id, partner, length(period_start));
