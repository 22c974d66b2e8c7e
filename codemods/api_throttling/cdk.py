"""api_throttling for cdk (not written yet)."""


def detect(doc, ctx):
    return []
