"""required_tags for cdk (not written yet)."""


def detect(doc, ctx):
    return []
