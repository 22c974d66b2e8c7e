"""environment_suffix for CloudFormation: hard-coded physical names carry the environment suffix.

Checked: the name property of the types in ``NAMES`` (tables, queues, topics,
buckets, functions, roles, log groups, streams, ECS clusters, secrets, state
machines, event rules, DB instance and cluster identifiers, replication groups,
KMS alias names, and their SAM forms). A plain literal is a finding; a name built
with any intrinsic (``!Sub``, ``!Ref``, ``!Join``, ...) is compliant, and so is an
absent name (CloudFormation generates a unique one).

The fix (unsafe: renaming replaces the resource) rewrites the literal as
``!Sub '<name>-${EnvironmentSuffix}'`` (JSON ``{"Fn::Sub": ...}``; a FIFO queue or
topic keeps ``.fifo`` last; a KMS alias keeps its ``alias/`` prefix, as it is part
of the literal). The parameter is the template's environment parameter (the
``name`` parameter in PascalCase, or one of ``common.cloudformation.ENV_PARAMS``);
when there is none the fix also adds ``EnvironmentSuffix`` (``Type: String``,
``Default`` from ``default``) to ``Parameters``, creating the section before
``Rules``/``Mappings``/``Conditions``/``Resources`` when absent. Every renaming fix
adds the same parameter at the same place, so fixes compose in any order.

A name that is also written literally elsewhere in the template (a policy ARN, a
``Roles: [name]`` list, an environment variable) is reported without a fix:
renaming it alone would break those references. The names of other resources do
not count: they get the suffix the same way (``exporter`` and its log group
``/aws/lambda/exporter`` stay in step). A literal containing ``${`` is
left alone (``!Sub`` would read it as a variable).

Composition with required-tags: required-tags renders ``Environment: !Ref
EnvironmentSuffix`` only when the parameter exists. Selected together, the engine
runs to a fixpoint: once a renaming fix has added the parameter, required-tags
renders the tag in the next pass, whatever the order. Run strictly one codemod at
a time, required-tags before environment-suffix leaves that tag reported
(unrenderable) until required-tags runs again.
"""

from __future__ import annotations

import re

from iacfix.codemods.common.aws import SERVICE_ROLE_NAMES
from iacfix.codemods.common.cloudformation import ENV_PARAMS, add_env_parameter, gap
from iacfix.transforms.cloudformation import CfnDoc, Sub, get, is_map, is_null, scalar, text_of, walk

# resource type → the property holding its physical name
NAMES = {
    "AWS::DynamoDB::Table": "TableName",
    "AWS::DynamoDB::GlobalTable": "TableName",
    "AWS::Serverless::SimpleTable": "TableName",
    "AWS::SQS::Queue": "QueueName",
    "AWS::SNS::Topic": "TopicName",
    "AWS::S3::Bucket": "BucketName",
    "AWS::Lambda::Function": "FunctionName",
    "AWS::Serverless::Function": "FunctionName",
    "AWS::IAM::Role": "RoleName",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::Kinesis::Stream": "Name",
    "AWS::ECS::Cluster": "ClusterName",
    "AWS::SecretsManager::Secret": "Name",
    "AWS::StepFunctions::StateMachine": "StateMachineName",
    "AWS::Serverless::StateMachine": "Name",
    "AWS::Events::Rule": "Name",
    "AWS::RDS::DBInstance": "DBInstanceIdentifier",
    "AWS::RDS::DBCluster": "DBClusterIdentifier",
    "AWS::ElastiCache::ReplicationGroup": "ReplicationGroupId",
    "AWS::KMS::Alias": "AliasName",
}

def pascal(name: str) -> str:
    """environment_suffix → EnvironmentSuffix."""
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[_\-\s]+", name) if w)


def suffix_param(doc: CfnDoc, wanted: str):
    """The parameter holding the suffix: ``wanted`` or one of ENV_PARAMS, else None."""
    names = set(doc.parameter_names())
    for p in (wanted,) + ENV_PARAMS:
        if p in names:
            return p
    return None


def detect(doc: CfnDoc, ctx):
    wanted = pascal(str(ctx["name"]))
    default = str(ctx["default"])
    literals = None
    for res in doc.resources():
        prop = NAMES.get(res.type)
        props = res.properties
        if prop is None or not is_map(props):
            continue
        node = get(props, prop)
        name = scalar(node)
        if node is None or is_null(node) or not name or "${" in name or name in SERVICE_ROLE_NAMES:
            continue
        if literals is None:
            literals = _literals(doc)
        elsewhere = [n for n in literals if n is not node and _mentions(text_of(n) or "", name)]
        message = f"{prop} of '{res.name}' is the fixed name '{name}' (no environment suffix)"
        if elsewhere:
            message += (f": not renamed, '{name}' is also written on line {doc.line_of(elsewhere[0])}"
                        f" — rename them together by hand")
            yield gap(doc, res, message, unsafe=True, detail=prop)
            continue
        yield gap(doc, res, message, fix=_fixer(doc, node, name, wanted, default), unsafe=True, detail=prop)


def _literals(doc: CfnDoc):
    """The scalars of Resources and Outputs that could refer to a resource by its name
    (values and !Sub templates; not names, descriptions or tags)."""
    # other names are renamed the same way (a function and its '/aws/lambda/<name>' log
    # group stay in step), so they do not hold a name back
    names = {id(r.prop(NAMES[r.type])) for r in doc.resources() if r.type in NAMES and is_map(r.properties)}
    out = []
    for section in ("Resources", "Outputs"):
        for path, n in walk(get(doc.root, section)):
            if text_of(n) and id(n) not in names and "Tags" not in path and (not path or path[-1] != "Description"):
                out.append(n)
    return out


def _mentions(text: str, name: str) -> bool:
    """``text`` is the name, or holds it in an ARN or path (after ':' or '/')."""
    return text == name or re.search(r"[:/]" + re.escape(name) + r"(?![\w-])", text) is not None


def _suffixed(name: str, param: str) -> str:
    var = "${" + param + "}"
    if name.endswith(".fifo"):
        return f"{name[:-len('.fifo')]}-{var}.fifo"
    return f"{name}-{var}"


def _fixer(doc: CfnDoc, node, name: str, wanted: str, default: str):
    def fix():
        param = suffix_param(doc, wanted)
        edits = []
        if param is None:
            param = wanted
            edits.append(add_env_parameter(doc, param, default))
        edits.append(doc.replace_value(node, Sub(_suffixed(name, param))))
        return edits

    return fix
