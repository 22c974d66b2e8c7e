"""api_throttling for pulumi (not written yet)."""


def detect(doc, ctx):
    return []
