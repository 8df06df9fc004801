"""Partnership Monitor's library: catalogue, store, analysis, importers, charts, export."""
