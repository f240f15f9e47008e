-- How many records an operation changed, counted when it closes. Edit > Undo names
-- the operation it would take back ("Undo import of 140,000 trade figures") after
-- every change, on the GUI thread; counting the distinct records of its audit rows
-- then took 0.2-0.3 s after a large import (the stall benchmark's 'write and show').
-- NULL for operations logged before this column: those are counted from `changes`.
ALTER TABLE operations ADD COLUMN records INTEGER;
