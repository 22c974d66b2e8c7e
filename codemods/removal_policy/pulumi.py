"""removal-policy for Pulumi Python: stateful resources state what happens to them on delete.

Checked: ``dynamodb.Table``, ``s3.Bucket``/``s3.BucketV2``, ``rds.Instance``,
``rds.Cluster``, ``kms.Key`` and ``cloudwatch.LogGroup``. Their deletion
behaviour is stated by the resource option ``protect`` (or ``retain_on_delete``):
any explicit value of either is compliant.

A log group's ``skip_destroy`` (its own way of keeping the group) is compliant too, and,
with profile ``production``, a bucket's ``force_destroy=True`` or a database's
``skip_final_snapshot=True`` (or either set from a variable): the author states that the
resource goes with the stack, and ``protect=True`` would contradict it.

Profile ``production``: ``opts=pulumi.ResourceOptions(protect=True)`` is added
(last, after ``tags=``), or ``protect=True`` is merged into an existing
``pulumi.ResourceOptions(...)``. Profile ``ephemeral``: ``protect=False`` the same
way, plus what would otherwise block the destroy when the file does not set it:
a bucket's ``force_destroy=True`` (its objects are deleted with it) and a
database's ``skip_final_snapshot=True`` (otherwise the delete needs a
``final_snapshot_identifier``), unless the resource is explicitly kept
(``protect=True``/``retain_on_delete=True``). Those go before the arguments other codemods
add (the catalog's order, ``spec.ORDER``, then ``tags``/``opts``), so the codemods
compose in any order. Safe fix.

Not covered (no finding): options the detector cannot read (``opts=`` a variable,
``ResourceOptions.merge(...)``, a ``**`` splat, options passed positionally);
``deletion_protection`` (rds-protection owns it); Aurora members
(``rds.ClusterInstance``: the data is the cluster's); log groups that receive
an API stage's access logs (``access_log_settings`` of an ``apigateway.Stage`` /
``apigatewayv2.Stage`` refers to them): api-access-logging creates such groups, and
the program must not depend on whether it ran before or after this codemod (as in
CloudFormation and Terraform); for the same reason, a Lambda function's own log group
(``/aws/lambda/<its name>``, or its ``logging_config``'s), which log-retention creates; protection applied from
outside the call (stack transformations, a parent component's options).
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.lang import pulumi as lang
from iacfix.core import Edit, Gap
from iacfix.transforms.python import rewrite_call
from iacfix.transforms import python as py

STATEFUL = {
    "dynamodb.Table": ("DynamoDB table", None),
    "s3.Bucket": ("S3 bucket", "force_destroy"),
    "s3.BucketV2": ("S3 bucket", "force_destroy"),
    "rds.Instance": ("RDS instance", "skip_final_snapshot"),
    "rds.Cluster": ("RDS cluster", "skip_final_snapshot"),
    "kms.Key": ("KMS key", None),
    "cloudwatch.LogGroup": ("Log group", None),
}
BLOCKS = {"force_destroy": "its objects", "skip_final_snapshot": "a final snapshot"}
STATED = ("protect", "retain_on_delete")


def _options(doc, site):
    """("missing", None) | ("merge", ResourceOptions call) | ("kept", None) (protect or
    retain_on_delete True) | ("stated", None) (any other explicit value) | ("unknown", None)."""
    if len([a for a in site.call.args if a.keyword is None and not a.star]) > 2:
        return "unknown", None  # Resource(name, args, opts)
    v = pc.kw_value(site, "opts")
    if v is None:
        return "missing", None
    if isinstance(v, cst.Call) and "pulumi.ResourceOptions" in doc.qualified_names(v.func) and not pc.has_splat(v):
        stated = [a.value for a in v.args if a.keyword is not None and a.keyword.value in STATED]
        if any(pc.literal(x) is True for x in stated):
            return "kept", None
        if stated:
            return "stated", None
        return "merge", v
    return "unknown", None


def _access_log_groups(doc) -> set:
    """What API stages' ``access_log_settings`` refer to (``lg.arn``, ``lg``)."""
    out = set()
    for stage in pc.aws_calls(doc, "apigateway.Stage", "apigatewayv2.Stage"):
        out |= pc.references(doc, pc.kw_value(stage, "access_log_settings"))
    return out


def _destroyed_refs(doc) -> set:
    """What the resources stated to be destroyed with the stack refer to (``key.arn``, ``key``):
    buckets and databases with ``force_destroy``/``skip_final_snapshot`` set, secrets with
    ``recovery_window_in_days=0``. A KMS key among them goes with the data it encrypts."""
    out = set()
    for qual, (_, blocker) in STATEFUL.items():
        for site in pc.aws_calls(doc, qual) if blocker else ():
            v = pc.kw_value(site, blocker)
            if v is not None and pc.literal(v) is not False:
                out |= {r for a in site.call.args for r in pc.references(doc, a.value)}
    for site in pc.aws_calls(doc, "secretsmanager.Secret"):
        if pc.literal(pc.kw_value(site, "recovery_window_in_days")) == 0:
            out |= {r for a in site.call.args for r in pc.references(doc, a.value)}
    return out


def _goes_with_data(site, destroyed: set) -> bool:
    v = pc.var(site)
    return bool(v) and any(r == v or r.startswith(v + ".") for r in destroyed)


def detect(doc, ctx):
    ephemeral = ctx.params["profile"] == "ephemeral"
    access_logs = _access_log_groups(doc) | pc.function_log_groups(doc)
    destroyed = None
    for qual, (what, blocker) in STATEFUL.items():
        for site in pc.aws_calls(doc, qual):
            if pc.has_splat(site):
                continue
            if qual == "cloudwatch.LogGroup" and (
                pc.kw_value(site, "skip_destroy") is not None or pc.var(site) in access_logs
                or f"{pc.var(site)}.arn" in access_logs
            ):
                continue
            if not ephemeral and blocker and pc.kw_value(site, blocker) is not None \
                    and pc.literal(pc.kw_value(site, blocker)) is not False:
                continue  # force_destroy=True / skip_final_snapshot=True (or a variable): meant to go
            if not ephemeral and qual == "kms.Key":
                destroyed = _destroyed_refs(doc) if destroyed is None else destroyed
                if _goes_with_data(site, destroyed):
                    continue  # the key of data meant to go goes with it
            state, _ = _options(doc, site)
            add_arg = None
            if ephemeral and blocker and state != "kept" and pc.kw_value(site, blocker) is None:
                add_arg = blocker
            if state not in ("missing", "merge") and add_arg is None:
                continue
            parts = []
            if state in ("missing", "merge"):
                parts.append(f"does not state its deletion behaviour (no protect={not ephemeral})")
            if add_arg:
                parts.append(f"cannot be destroyed with {BLOCKS[add_arg]} (no {add_arg}=True)")
            yield Gap(
                **pc.where(site),
                resource_type=pc.rtype(site),
                resource_name=pc.label(site),
                message=f"{what} '{pc.display(site)}' " + " and ".join(parts),
                fix=lambda site=site, fix_opts=state in ("missing", "merge"), add_arg=add_arg:
                    _fix(doc, site, not ephemeral, fix_opts, add_arg),
                detail="removal-policy",
            )


def _fix(doc, site, protect: bool, fix_opts: bool, add_arg):
    steps, imports, explode = [], [], []
    if add_arg:
        steps.append(lambda d, s: lang.add_kwargs(d, pc.props_call(s), s.qualname[len(pc.AWS) + 1:],
                                                  [(add_arg, py.Code("True"))], first=True))
    if fix_opts:
        ref, imports = pc.pulumi_name(doc, "ResourceOptions")

        def opts(d, s):
            state, call = _options(d, s)
            if state == "missing":
                new = py.Call(ref, [("protect", py.Code(str(protect)))])
                return d.add_kwargs(s.call, [("opts", new)])
            r = d.range(call)
            if r.start.line == r.end.line and call.args:
                # one-line options: protect goes on their line; a line that gets too long
                # lays the resource call out one argument per line (black), unless it was
                # already longer than the file's width (the author's choice of layout)
                last = call.args[-1]
                if last.comma is cst.MaybeSentinel.DEFAULT:
                    edit = Edit(d.end(last.value), d.end(last.value), f", protect={protect}")
                else:
                    edit = Edit(d.end(last.comma), d.end(last.comma), f" protect={protect},")
                line, width = d.lines.line_text(r.start.line), d.layout().width
                if len(line) > width or len(line) + len(edit.replacement) <= width:
                    return [edit]
                if d.range(s.call).start.line == d.range(s.call).end.line:
                    explode.append(True)
                    return [edit]
            return d.add_kwargs(call, [("protect", py.Code(str(protect)))])

        steps.append(opts)

    def in_turn():  # the call is laid out again only when protect made its line too long
        yield from steps
        if explode:
            yield lambda d, s: d.explode(s.call)

    return py.dedupe(imports + rewrite_call(doc, site, in_turn()))
