"""Getting facts into a dossier from outside: files, tables and pasted text (no Qt)."""
