"""required_tags for AWS CDK v2 Python: stack-wide ``Tags.of(self).add(key, value)``.

CDK propagates a tag added to a scope to every taggable resource under it, so
the idiomatic fix is per stack class, not per construct: one
``Tags.of(self).add("Environment", environment_suffix)`` statement per missing
key, inserted in the stack's ``__init__`` after the last ``Tags.of(...)``
statement there, else at its end. One finding per stack class that creates at
least one taggable construct (TAGGABLE below); resource_type "Stack",
resource_name the class name.

A key counts as present when ``Tags.of(self)`` adds it inside that class, when
``Tags.of(scope|app|<App()>|<stack instance>)`` adds it anywhere in the file, or
when the stack is created (or calls ``super().__init__``) with ``tags={...}``
holding it. A key or tags dict the file cannot read makes the stack unknown:
no finding. ``super().__init__(..., **kwargs)`` does not count as unknown tags
(nearly every stack forwards its kwargs; the app file is where they come from).
A tag whose value needs the environment suffix when the stack has none is
reported as a separate, unfixable finding (detail "unrenderable").
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import FixError, Gap
from iacfix.transforms.python import file_quote, py_string

TOOL = "cdk"
TAGS_OF = "aws_cdk.Tags.of"

# Constructs (L2 and L1 Cfn* resources) whose CloudFormation resources accept
# tags through CDK's tag manager (so Tags.of(scope) reaches them), by module.
# Checked against aws-cdk-lib 2.275: every class exists and every Cfn* class
# here is taggable (AWS::IAM::ManagedPolicy, AWS::Glue::Database,
# AWS::DynamoDB::GlobalTable and AWS::EC2::LaunchTemplate are not, directly).
TAGGABLE_BY_MODULE = {
    "aws_sqs": {"Queue", "CfnQueue"},
    "aws_sns": {"Topic", "CfnTopic"},
    "aws_lambda": {
        "Function",
        "DockerImageFunction",
        "SingletonFunction",
        "CfnFunction",
        "EventSourceMapping",
        "CfnEventSourceMapping",
    },
    "aws_lambda_nodejs": {"NodejsFunction"},
    "aws_lambda_python_alpha": {"PythonFunction"},
    "aws_dynamodb": {"Table", "TableV2", "CfnTable"},
    "aws_s3": {"Bucket", "CfnBucket"},
    "aws_kms": {"Key", "CfnKey"},
    "aws_iam": {"Role", "CfnRole", "User", "CfnUser", "OpenIdConnectProvider", "CfnOIDCProvider"},
    "aws_logs": {"LogGroup", "CfnLogGroup"},
    "aws_apigateway": {
        "RestApi",
        "LambdaRestApi",
        "SpecRestApi",
        "CfnRestApi",
        "Stage",
        "CfnStage",
        "ApiKey",
        "CfnApiKey",
        "UsagePlan",
        "CfnUsagePlan",
        "DomainName",
        "CfnDomainName",
    },
    "aws_apigatewayv2": {
        "HttpApi",
        "WebSocketApi",
        "CfnApi",
        "HttpStage",
        "WebSocketStage",
        "CfnStage",
        "DomainName",
        "CfnDomainName",
    },
    "aws_rds": {
        "DatabaseInstance",
        "DatabaseCluster",
        "ServerlessCluster",
        "CfnDBInstance",
        "CfnDBCluster",
        "SubnetGroup",
        "CfnDBSubnetGroup",
        "ParameterGroup",
        "CfnDBParameterGroup",
    },
    "aws_ecs": {
        "Cluster",
        "CfnCluster",
        "FargateService",
        "Ec2Service",
        "CfnService",
        "FargateTaskDefinition",
        "Ec2TaskDefinition",
        "TaskDefinition",
        "CfnTaskDefinition",
    },
    "aws_ecs_patterns": {
        "ApplicationLoadBalancedFargateService",
        "NetworkLoadBalancedFargateService",
        "QueueProcessingFargateService",
        "ScheduledFargateTask",
    },
    "aws_ec2": {
        "Vpc",
        "CfnVPC",
        "Subnet",
        "CfnSubnet",
        "SecurityGroup",
        "CfnSecurityGroup",
        "Instance",
        "CfnInstance",
        "CfnInternetGateway",
        "CfnNatGateway",
        "CfnRouteTable",
        "CfnEIP",
        "Volume",
        "CfnVolume",
        "LaunchTemplate",
        "InterfaceVpcEndpoint",
        "GatewayVpcEndpoint",
        "CfnVPCEndpoint",
        "BastionHostLinux",
    },
    "aws_elasticloadbalancingv2": {
        "ApplicationLoadBalancer",
        "NetworkLoadBalancer",
        "CfnLoadBalancer",
        "ApplicationTargetGroup",
        "NetworkTargetGroup",
        "CfnTargetGroup",
    },
    "aws_kinesis": {"Stream", "CfnStream"},
    "aws_kinesisfirehose": {"CfnDeliveryStream"},
    "aws_elasticache": {"CfnCacheCluster", "CfnReplicationGroup", "CfnSubnetGroup"},
    "aws_efs": {"FileSystem", "CfnFileSystem", "AccessPoint", "CfnAccessPoint"},
    "aws_secretsmanager": {"Secret", "CfnSecret"},
    "aws_ssm": {"StringParameter", "CfnParameter"},
    "aws_stepfunctions": {"StateMachine", "CfnStateMachine", "Activity", "CfnActivity"},
    "aws_ecr": {"Repository", "CfnRepository"},
    "aws_events": {"EventBus", "CfnEventBus", "Rule"},
    "aws_cloudwatch": {"Alarm", "CfnAlarm", "CompositeAlarm"},
    "aws_cloudfront": {"Distribution", "CfnDistribution"},
    "aws_cognito": {"UserPool", "CfnUserPool"},
    "aws_codebuild": {"Project", "PipelineProject", "CfnProject"},
    "aws_codepipeline": {"Pipeline", "CfnPipeline"},
    "aws_opensearchservice": {"Domain", "CfnDomain"},
    "aws_glue": {"CfnJob", "CfnCrawler"},
    "aws_backup": {"BackupVault", "CfnBackupVault", "BackupPlan", "CfnBackupPlan"},
    "aws_wafv2": {"CfnWebACL"},
    "aws_athena": {"CfnWorkGroup"},
}
TAGGABLE = {f"aws_cdk.{mod}.{cls}" for mod, classes in TAGGABLE_BY_MODULE.items() for cls in classes}

_FIELD = re.compile(r"\{(environment_suffix|tool)\}")


def detect(doc, ctx):
    classes = common.stack_classes(doc)
    if not classes:
        return
    if common.is_cdk_v1(doc):
        return
    wanted = dict(ctx["tags"])
    file_keys, class_keys, unknown = _present(doc, classes)
    if unknown is True:
        return
    for cls in classes:
        if cls in unknown or not _has_taggable(doc, cls):
            continue
        have = file_keys | class_keys.get(cls, set())
        missing = [k for k in wanted if k not in have]
        if not missing:
            continue
        init = common.init_of(cls)
        env = common.env_suffix_expr(doc, init) if init is not None else None
        renderable = [k for k in missing if env or "{environment_suffix}" not in str(wanted[k])]
        rest = [k for k in missing if k not in renderable]
        pos = doc.range(cls)
        name = cls.name.value
        common_fields = dict(
            line=pos.start.line,
            column=pos.start.column + 1,
            end_line=pos.end.line,
            resource_type="Stack",
            resource_name=name,
        )
        if renderable:
            fixable = init is not None and isinstance(init.body, cst.IndentedBlock)  # not "def f(): ..."
            yield Gap(
                message=f"Stack '{name}' has no {_keys(renderable)} {_noun(renderable)}",
                fix=(
                    (
                        lambda cls=cls, init=init, keys=renderable, env=env: _fix(
                            doc, cls, init, keys, wanted, env
                        )
                    )
                    if fixable
                    else None
                ),
                **common_fields,
            )
        if rest:
            yield Gap(
                message=(
                    f"Stack '{name}' has no {_keys(rest)} {_noun(rest)}, and no environment suffix "
                    "variable to set it from"
                ),
                detail="unrenderable",
                **common_fields,
            )


def _keys(keys):
    return ", ".join(keys)


def _noun(keys):
    return "tag" if len(keys) == 1 else "tags"


def _has_taggable(doc, cls) -> bool:
    for call, q in doc._calls:
        if q in TAGGABLE and doc.enclosing(call, cst.ClassDef) is cls:
            return True
    return False


def _present(doc, classes):
    """(keys tagged file-wide, {class: keys}, unknown) — unknown is True (whole file)
    or the set of classes whose tags cannot be read."""
    file_keys, class_keys, unknown = set(), {}, set()
    wide = {"scope", "app"}
    class_names = {c.name.value: c for c in classes}
    for n in doc.assignments:
        if isinstance(n, cst.Assign) and isinstance(n.value, cst.Call):
            q = doc.qualified_names(n.value.func)
            callee = doc.code(n.value.func)
            if "aws_cdk.App" in q or callee in class_names:
                wide.update(doc.code(t.target) for t in n.targets)
    for call in common.method_calls(doc, "add"):
        recv = call.func.value
        if not (isinstance(recv, cst.Call) and TAGS_OF in doc.qualified_names(recv.func) and recv.args):
            continue
        scope = doc.code(recv.args[0].value)
        key = common.string(call.args[0].value) if call.args else None
        cls = doc.enclosing(call, cst.ClassDef)
        if scope == "self" and cls in classes:
            if key is None:
                unknown.add(cls)
            class_keys.setdefault(cls, set()).add(key)
        elif scope in wide:
            if key is None:
                return file_keys, class_keys, True
            file_keys.add(key)
    # tags={...} where a stack is created, or passed to super().__init__
    for call in doc.call_nodes:
        arg = _kw(call, "tags")
        if arg is None:
            continue
        callee = doc.code(call.func)
        if callee in class_names:
            cls = class_names[callee]
        elif callee == "super().__init__" and doc.enclosing(call, cst.ClassDef) in classes:
            cls = doc.enclosing(call, cst.ClassDef)
        else:
            continue
        if not isinstance(arg.value, cst.Dict) or any(
            not isinstance(e, cst.DictElement) for e in arg.value.elements
        ):
            unknown.add(cls)
            continue
        for e in arg.value.elements:
            key = common.string(e.key)
            if key is None:
                unknown.add(cls)
            class_keys.setdefault(cls, set()).add(key)
    return file_keys, class_keys, unknown


def _kw(call, name):
    for a in call.args:
        if a.keyword is not None and a.keyword.value == name:
            return a
    return None


def _render(template: str, env, q: str) -> str:
    """A Python expression for a tag value template."""
    template = str(template)
    if template == "{environment_suffix}":
        return env
    fields = _FIELD.findall(template)
    if "environment_suffix" not in fields:
        return py_string(template.replace("{tool}", TOOL), q)
    body = template.replace("{", "{{").replace("}", "}}")
    body = body.replace("{{environment_suffix}}", "{" + env + "}").replace("{{tool}}", TOOL)
    return f"f{q}{body}{q}"


def _fix(doc, cls, init, keys, wanted, env):
    if init is None:
        raise FixError("the stack class has no __init__ to add tags in")
    ref, imports = doc.import_name("aws_cdk.Tags")
    q = file_quote(doc)
    lines = [f"{ref}.of(self).add({q}{k}{q}, {_render(wanted[k], env, q)})" for k in keys]
    body = init.body
    if not isinstance(body, cst.IndentedBlock):
        raise FixError("the stack's __init__ is a one-line function")
    after, blank = None, True
    for stmt in body.body:
        if _is_tags_statement(doc, stmt):
            after, blank = stmt, False
    if after is None:
        after = body.body[-1]
    return imports + doc.insert_after_statement(after, "\n".join(lines), blank_line=blank)


def _is_tags_statement(doc, stmt) -> bool:
    if not isinstance(stmt, cst.SimpleStatementLine) or not isinstance(stmt.body[0], cst.Expr):
        return False
    call = stmt.body[0].value
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and isinstance(call.func.value, cst.Call)
        and TAGS_OF in doc.qualified_names(call.func.value.func)
    )
