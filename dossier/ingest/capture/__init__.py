"""Capture: the facts an article states (officials, trade figures, projects, quotes),
read from pasted text and offered for review before they join a dossier
(docs/capture.md). `pipeline.capture` runs the steps; the other modules are the steps.

Kept empty on purpose: people.py, projects.py and quotes.py beside this package import
its types and countries, and a package that imported the pipeline on first use would
import them back before they were defined."""
