"""api_throttling for cloudformation (not written yet)."""


def detect(doc, ctx):
    return []
