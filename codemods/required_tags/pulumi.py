"""required_tags for pulumi (not written yet)."""


def detect(doc, ctx):
    return []
