-- The operation log (issue 15): every change to a store belongs to one operation,
-- which the store can undo and redo for the window and the command line alike.
--
-- operations: one row per user action ("import of 63 officials"), made by the
-- window or a named command. state: 'done' (undoable), 'undone' (redoable),
-- 'discarded' (undone, then a new change made its redo impossible), 'record' (an
-- undo or redo itself: kept for the history, never undone on its own).
CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    label TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    dossier_id INTEGER,
    state TEXT NOT NULL DEFAULT 'done'
        CHECK (state IN ('done', 'undone', 'discarded', 'record')),
    reverts INTEGER REFERENCES operations(id)
);
CREATE INDEX operations_state ON operations(state, id);
CREATE INDEX operations_dossier ON operations(dossier_id, id);

-- The audit rows say which operation made them, and keep the values with their
-- types (JSON) so an undo puts back exactly what was there: `old`/`new` stay the
-- readable text they were.
ALTER TABLE changes ADD COLUMN op_id INTEGER REFERENCES operations(id) ON DELETE SET NULL;
ALTER TABLE changes ADD COLUMN old_json TEXT;
ALTER TABLE changes ADD COLUMN new_json TEXT;
CREATE INDEX changes_op ON changes(op_id, id);
