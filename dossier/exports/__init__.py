"""Everything that writes a dossier out, together: JSON and readable text
(json_text), one tab as CSV (csv_tab), FollowTheMoney entities (ftm) and the
encrypted `.dossier` exchange file (exchange_writer). Reading files in is
dossier.ingest's part.
"""
