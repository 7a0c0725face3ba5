"""Step 4 — present: turn a validated document and its evaluation into display strings.

Both renderers (DOCX and PDF) print exactly these strings, so the two outputs of
one input cannot disagree.
"""
