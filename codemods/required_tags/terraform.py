"""required_tags for terraform (not written yet)."""


def detect(doc, ctx):
    return []
