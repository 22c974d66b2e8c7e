"""api_throttling for terraform (not written yet)."""


def detect(doc, ctx):
    return []
