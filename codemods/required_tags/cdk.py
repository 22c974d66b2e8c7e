"""required_tags for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): stack-wide ``Tags.of(self).add(key, value)`` /
``awscdk.Tags_Of(stack).Add(jsii.String(key), jsii.String(value), nil)``.

CDK propagates a tag added to a scope to every taggable resource under it, so the idiomatic
fix is per stack, not per construct. A stack is a class deriving from ``Stack`` (Python) or
a function making one (Go: ``stack := awscdk.NewStack(...)``): one finding per stack that
creates at least one taggable construct (TAGGABLE below), resource_type "Stack",
resource_name the class's or function's name. The fix adds one statement per missing key,
after the stack's last ``Tags.of(...)`` statement, else at the end of its body (Python:
of its ``__init__``; Go: before its final ``return``).

A key counts as present when ``Tags.of(<stack>)`` adds it inside the stack, when
``Tags.of(scope|app|<App()>|<stack instance>)`` adds it anywhere in the file, or when the
stack is made with tags holding it (Python: ``tags={...}`` where the stack is created or
passed to ``super().__init__``; Go: ``&awscdk.StackProps{Tags: &map[string]*string{...}}``).
A key or tags the file cannot read makes the stack (a file-wide scope: the file) unknown:
no finding. ``super().__init__(..., **kwargs)`` does not count as unknown tags (nearly every
stack forwards its kwargs; the app file is where they come from). A tag whose value needs
the environment suffix when the stack has none is reported as a separate, unfixable
finding (detail "unrenderable").
"""

from __future__ import annotations

from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.view import Expr
from iacfix.core import Gap

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


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    stacks = f.stacks()
    if not stacks:
        return
    wanted = dict(ctx["tags"])
    wide = {"scope", "app"} | {c.target for c in f.constructs("aws_cdk.App") if c.target}
    for stack in stacks:
        wide |= stack.instances()
    statements = f.chained_calls(TAGS_OF, ("add", "remove"))
    file_keys, keys, unknown = set(), {s: set() for s in stacks}, set()
    for m in statements:
        made = m.receiver.call(TAGS_OF)
        if m.method != "add" or not made or not made[1]:
            continue
        scope, key = made[1][0].ref(), m.arg(0, "key")
        key = key.value if key is not None and isinstance(key.value, str) else None
        owner = next((s for s in stacks if s.variable == scope and s.holds(m)), None)
        if owner is not None:
            if key is None:
                unknown.add(owner)
            keys[owner].add(key)
        elif scope in wide:
            if key is None:
                return
            file_keys.add(key)
    for stack in stacks:
        for tags in stack.given_tags():
            found = tags.keys()
            if found is None:
                unknown.add(stack)
            else:
                keys[stack] |= found
    taggable = f.constructs(*TAGGABLE)
    for stack in stacks:
        if stack in unknown or not any(stack.holds(c) for c in taggable):
            continue
        missing = [k for k in wanted if k not in file_keys | keys[stack]]
        if not missing:
            continue
        env = stack.env_suffix()
        renderable = [k for k in missing if env or "{environment_suffix}" not in str(wanted[k])]
        rest = [k for k in missing if k not in renderable]
        fields = dict(line=stack.line, column=stack.column, end_line=stack.end_line,
                      resource_type="Stack", resource_name=stack.name)
        if renderable:
            after = [m for m in statements if stack.holds(m)]
            fix = stack.fixer(lambda stack=stack, keys=renderable, env=env, after=after: stack.add_tags(
                [(k, stack.string(_parts(wanted[k], env))) for k in keys], after))
            yield Gap(message=f"Stack '{stack.name}' has no {_keys(renderable)} {_noun(renderable)}",
                      fix=fix if stack.can_add else None, **fields)
        if rest:
            yield Gap(
                message=(f"Stack '{stack.name}' has no {_keys(rest)} {_noun(rest)}, and no environment suffix "
                         "variable to set it from"),
                detail="unrenderable",
                **fields,
            )


def _keys(keys):
    return ", ".join(keys)


def _noun(keys):
    return "tag" if len(keys) == 1 else "tags"


def _parts(template, env):
    """A tag value template as text and the environment suffix expression."""
    out = []
    for i, text in enumerate(str(template).replace("{tool}", TOOL).split("{environment_suffix}")):
        out += ([Expr(env)] if i else []) + ([text] if text else [])
    return out
