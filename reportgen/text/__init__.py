"""The text layer: what readers and analysis steps share about plain text (paragraphs,
sentences, tokens, blocks). It imports nothing from ``reportgen.analyze`` or
``reportgen.ingest``."""
