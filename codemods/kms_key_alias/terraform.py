"""kms_key_alias for terraform (not written yet)."""


def detect(doc, ctx):
    return []
