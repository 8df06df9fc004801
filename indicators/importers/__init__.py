"""Importers: one module per source format, each ending in the one tidy observation shape.

`import_file` (pipeline.py) reads, maps and validates a whole file, then writes it
atomically with its provenance; `detect` names the format of a file.
"""
