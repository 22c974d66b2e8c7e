"""kms_key_alias for cloudformation (not written yet)."""


def detect(doc, ctx):
    return []
