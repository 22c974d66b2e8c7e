"""required_tags for cloudformation (not written yet)."""


def detect(doc, ctx):
    return []
