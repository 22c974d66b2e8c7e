"""rds_performance_insights for Terraform: Performance Insights only on classes that support it.

Checked on ``aws_db_instance`` and ``aws_rds_cluster_instance`` (Aurora cluster
members, which carry their own ``instance_class``): a finding needs both an
``instance_class`` string literal in ``unsupported_classes`` and
``performance_insights_enabled = true`` (a literal).

The fix writes ``performance_insights_enabled = false`` (kept explicit, so the
reader sees the choice) and removes ``performance_insights_retention_period``
and ``performance_insights_kms_key_id`` (RDS rejects them when Performance
Insights is off); comment lines of their own above the removed arguments stay.

Not covered: an instance class or flag the file does not spell out (a variable,
a conditional, a local); ``aws_rds_cluster`` (its ``db_cluster_instance_class``
is a Multi-AZ DB cluster's, which has no burstable classes); an instance with
``database_insights_mode`` (Database Insights needs Performance Insights:
turning it off is a decision about that mode too).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform import gap
from iacfix.core import FixError, apply_edits
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import literal

TYPES = ("aws_db_instance", "aws_rds_cluster_instance")
DROP = ("performance_insights_retention_period", "performance_insights_kms_key_id")


def detect(doc, ctx):
    classes = set(ctx.params.get("unsupported_classes") or ())
    for res in doc.resources(*TYPES):
        cls = res.attr("instance_class")
        flag = res.attr("performance_insights_enabled")
        if cls is None or flag is None or res.attr("database_insights_mode") is not None:
            continue
        klass = literal(cls.value)
        if not isinstance(klass, str) or klass not in classes or literal(flag.value) not in (True, "true"):
            continue
        what = "RDS instance" if res.labels[0] == "aws_db_instance" else "Aurora instance"
        yield gap(res, f"{what} '{res.labels[1]}' enables Performance Insights on {klass}, which does not support it",
                  fix=_fixer(doc, res), detail="rds-performance-insights")


def _fixer(doc, res):
    """One edit spanning the whole resource: the realignment of its arguments must not
    be combined, in one pass, with another codemod's insertion realigned on the old text."""

    def fix():
        text = apply_edits(doc.text, tf.replace_value(doc, res.attr("performance_insights_enabled").value, "false"))
        if any(res.attr(a) is not None for a in DROP):
            cur = tf.parse(text)
            block = cur.resource(*res.labels)
            if block is None:
                raise FixError(f"lost track of {res.address}")
            text = apply_edits(text, tf.remove_items(cur, [block.attr(a) for a in DROP if block.attr(a) is not None]))
        return [tf.widen(tf.edit_between(doc.text, text), res.start, res.end, doc.text)]

    return fix
