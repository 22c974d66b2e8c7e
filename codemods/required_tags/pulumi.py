"""required-tags for Pulumi Python: taggable pulumi_aws resources carry the configured tags.

``tags=`` may be missing (added), a dict literal (missing keys appended in its
layout), a dict literal spreading shared dicts of this file (``{**base_tags,
"Name": ...}``: missing keys go into the shared dict, where the author keeps
the common tags), or a variable holding a dict literal (same). Anything else
(a function call, an unknown spread, ``**kwargs``) is unknown: no finding.
Tags from an ``aws.Provider(default_tags=...)`` the resource is created with
(``opts=pulumi.ResourceOptions(provider=that_provider)``) count as present.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.core import Gap
from iacfix.transforms import python as py

# pulumi_aws resources (module.Class) that take ``tags`` as a map of strings.
# Checked against pulumi_aws 7.x: every class here has a ``tags`` input typed
# Mapping[str, str]. autoscaling.Group is left out on purpose: its ``tags`` is a
# list of GroupTagArgs with propagate_at_launch.
TAGGABLE = frozenset("""
    acm.Certificate
    apigateway.ApiKey apigateway.DomainName apigateway.RestApi apigateway.Stage apigateway.UsagePlan
    apigateway.VpcLink
    apigatewayv2.Api apigatewayv2.DomainName apigatewayv2.Stage apigatewayv2.VpcLink
    appsync.GraphQLApi
    athena.Workgroup
    backup.Plan backup.Vault
    cloudfront.Distribution
    cloudtrail.Trail
    cloudwatch.EventBus cloudwatch.EventRule cloudwatch.LogGroup cloudwatch.MetricAlarm
    codebuild.Project
    cognito.UserPool
    dynamodb.Table
    ec2.Eip ec2.Instance ec2.InternetGateway ec2.LaunchTemplate ec2.NatGateway ec2.NetworkAcl
    ec2.RouteTable ec2.SecurityGroup ec2.Subnet ec2.Vpc ec2.VpcEndpoint
    ecr.Repository
    ecs.Cluster ecs.Service ecs.TaskDefinition
    efs.FileSystem
    eks.Cluster eks.NodeGroup
    elasticache.Cluster elasticache.ParameterGroup elasticache.ReplicationGroup elasticache.SubnetGroup
    glue.Job
    iam.InstanceProfile iam.Policy iam.Role iam.User
    kinesis.FirehoseDeliveryStream kinesis.Stream
    kms.Key kms.ExternalKey
    lambda_.Function
    lb.LoadBalancer lb.TargetGroup
    mq.Broker
    msk.Cluster
    opensearch.Domain
    rds.Cluster rds.ClusterParameterGroup rds.Instance rds.OptionGroup rds.ParameterGroup rds.SubnetGroup
    redshift.Cluster
    route53.Zone
    s3.Bucket s3.BucketV2
    secretsmanager.Secret
    sfn.StateMachine
    sns.Topic
    sqs.Queue
    ssm.Parameter
    wafv2.WebAcl
""".split())

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def detect(doc, ctx):
    provider_tags = _provider_tags(doc)
    wanted = ctx["tags"]
    for site in pc.aws_calls(doc, *sorted(TAGGABLE)):
        if pc.has_splat(site):
            continue
        present = set()
        prov = _provider_of(doc, site)
        if prov is not None:
            if prov not in provider_tags:
                continue  # a provider we cannot read: its default tags are unknown
            if provider_tags[prov] is None:
                continue
            present |= provider_tags[prov]
        tags = pc.kw_value(site, "tags")
        target = None  # the dict literal that receives missing tags
        if tags is not None:
            d = pc.resolve_dict(doc, tags)
            if d is None:
                continue
            keys = pc.dict_keys(doc, d)
            if keys is None:
                continue
            present |= keys
            target = _receiver(doc, d)
        missing = [k for k in wanted if k not in present]
        if not missing:
            continue
        renderable = [k for k in missing if _render(doc, site, wanted[k]) is not None]
        rest = [k for k in missing if k not in renderable]
        msg = f"{pc.rtype(site)} '{pc.display(site)}' is missing tag{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
        if rest and renderable:
            msg += f" ({', '.join(rest)} cannot be written here)"
        yield Gap(
            **pc.where(site),
            resource_type=pc.rtype(site),
            resource_name=pc.label(site),
            message=msg,
            fix=(lambda site=site, target=target, keys=renderable: _fix(doc, ctx, site, target, keys)) if renderable else None,
            detail="tags",
        )


def _receiver(doc, d: cst.Dict) -> cst.Dict:
    """Where missing tags go: the first shared dict it spreads (recursively), else ``d`` itself."""
    for el in d.elements:
        if isinstance(el, cst.StarredDictElement) and isinstance(el.value, (cst.Name, cst.Attribute)):
            inner = pc.resolve_dict(doc, el.value)
            if inner is not None:
                return _receiver(doc, inner)
        break
    return d


def _provider_tags(doc):
    """Provider variable → tag keys of its default_tags (None: present but unknown)."""
    out = {}
    for p in pc.aws_calls(doc, "Provider"):
        if not pc.var(p):
            continue
        dt = pc.kw_value(p, "default_tags")
        if dt is None:
            out[pc.var(p)] = set()
            continue
        tags = pc.kw_value(dt, "tags") if isinstance(dt, cst.Call) else None
        if isinstance(dt, cst.Dict):
            el = pc.dict_get(dt, "tags")
            tags = el.value if el is not None else None
        d = pc.resolve_dict(doc, tags) if tags is not None else None
        out[pc.var(p)] = pc.dict_keys(doc, d) if d is not None else None
    return out


def _provider_of(doc, site):
    opts = pc.kw_value(site, "opts")
    if isinstance(opts, cst.Call):
        prov = pc.kw_value(opts, "provider")
        if prov is not None:
            return doc.code(prov)
    return None


def _render(doc, site, template: str, line=None):
    """(code, import edits) for a tag value template written at ``line``, or None when it cannot be written."""
    names = set(PLACEHOLDER.findall(template))
    if names - {"environment_suffix", "tool"}:
        return None
    q = py.file_quote(doc)
    if template == "{environment_suffix}":
        return pc.env_value(doc, site, line)
    text = template.replace("{tool}", pc.TOOL)
    if "{environment_suffix}" not in text:
        return py.py_string(text, q), []
    env, edits = pc.env_value(doc, site, line)
    body = text.replace("{", "{{").replace("}", "}}").replace("{{environment_suffix}}", "{" + env + "}")
    return "f" + py.py_string(body, q), edits


def _fix(doc, ctx, site, target, keys):
    wanted = ctx["tags"]
    edits = []
    shared = None
    if target is None:
        shared = _shared_tags(doc, site)
        if shared is not None:
            name, target = shared
            edits += doc.add_kwargs(pc.props_call(site), [("tags", py.Code(name))], before=("opts",))
            present = pc.dict_keys(doc, target) or set()
            keys = [k for k in keys if k not in present]
            target = _receiver(doc, target)
    like = None
    if target is not None:
        like = next((el.key for el in target.elements if isinstance(el, cst.DictElement)), None)
    entries = []
    line = doc.range(target).start.line if target is not None else site.line
    for k in keys:
        code, more = _render(doc, site, wanted[k], line)
        edits += more
        entries.append((py.str_code(doc, k, like), py.Code(code)))
    if target is not None:
        if entries:
            edits += doc.add_dict_entries(target, entries)
    else:
        explode = _file_explodes_tags(doc)
        edits += doc.add_kwargs(pc.props_call(site), [("tags", py.Dict(entries, explode=explode))], before=("opts",))
    return py.dedupe(edits)


def _shared_tags(doc, site):
    """The file's shared tag dict (``tags=common_tags`` on most resources), when usable at ``site``:
    (its name, its dict literal)."""
    counts = {}
    for value in pc.kwarg_values(doc, "tags"):
        if isinstance(value, (cst.Name, cst.Attribute)):
            name = doc.code(value)
            counts[name] = counts.get(name, 0) + 1
    for name, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
        if counts[name] < 2:
            break
        d = pc.resolve_dict(doc, cst.parse_expression(name))
        if d is None or pc.dict_keys(doc, d) is None:
            continue
        stmt = doc.statement_of(d)
        fn = doc.enclosing(d, cst.FunctionDef)
        if doc.range(stmt).end.line < site.line and (fn is None or fn is doc.enclosing(site.call, cst.FunctionDef)):
            return name, d
    return None


def _file_explodes_tags(doc) -> bool:
    """Whether this file writes its tag dicts one entry per line."""
    for d in _tag_dicts(doc):
        return py.dict_is_multiline(d)
    return False


def _tag_dicts(doc):
    for value in pc.kwarg_values(doc, "tags"):
        if isinstance(value, cst.Dict) and value.elements:
            yield value
