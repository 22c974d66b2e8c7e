"""The neutral view of a CDK construct call (codemods/lang/view.py) answers the same for the
same program written in CDK Python and in CDK Go: the hand-written CDK detectors written
once against it rely on that."""

from __future__ import annotations

import pytest

from iacfix.codemods.lang.cdk import view as py_view
from iacfix.codemods.lang.go import view as go_view
from iacfix.codemods.lang.cdk import Call, Code
from iacfix.codemods.lang.view import Expr, New
from iacfix.codemods.spec import ABSENT, UNKNOWN
from iacfix.core import apply_edits
from iacfix.transforms import go as tgo
from iacfix.transforms import python as tpy

PY = '''from aws_cdk import Stack, aws_ec2 as ec2, aws_kms as kms, aws_rds as rds, aws_secretsmanager as sm
from constructs import Construct


class S(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc) -> None:
        super().__init__(scope, construct_id)
        name = f"x-{environment_suffix}"
        key = kms.Key(self, "PaymentsKey", enable_key_rotation=True)
        kms.CfnAlias(self, "A", alias_name="alias/a", target_key_id=key.key_arn)
        key.add_alias("alias/b")
        secret = sm.Secret(self, "Db", generate_secret_string=sm.SecretStringGenerator(password_length=8))
        opaque = sm.Secret(self, "Other", **props)
        cluster = rds.DatabaseCluster(
            self,
            "Ledger",
            writer=rds.ClusterInstance.provisioned(
                "writer",
                instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MICRO),
            ),
            vpc=vpc,
        )
'''

GO = '''package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewS(scope constructs.Construct, id string, environmentSuffix string, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	name := fmt.Sprintf("x-%s", environmentSuffix)
	key := awskms.NewKey(stack, jsii.String("PaymentsKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
	})
	awskms.NewCfnAlias(stack, jsii.String("A"), &awskms.CfnAliasProps{
		AliasName:   jsii.String("alias/a"),
		TargetKeyId: key.KeyArn(),
	})
	key.AddAlias(jsii.String("alias/b"))
	secret := awssecretsmanager.NewSecret(stack, jsii.String("Db"), &awssecretsmanager.SecretProps{
		GenerateSecretString: &awssecretsmanager.SecretStringGenerator{
			PasswordLength: jsii.Number(8),
		},
	})
	opaque := awssecretsmanager.NewSecret(stack, jsii.String("Other"), props)
	cluster := awsrds.NewDatabaseCluster(stack, jsii.String("Ledger"), &awsrds.DatabaseClusterProps{
		Writer: awsrds.ClusterInstance_Provisioned(jsii.String("writer"), &awsrds.ProvisionedClusterInstanceProps{
			InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_BURSTABLE3, awsec2.InstanceSize_MICRO),
		}),
		Vpc: vpc,
	})
	_, _, _, _ = name, secret, opaque, cluster
	return stack
}
'''

KMS, SM, RDS, EC2 = "aws_cdk.aws_kms", "aws_cdk.aws_secretsmanager", "aws_cdk.aws_rds", "aws_cdk.aws_ec2"


@pytest.fixture(params=["cdk", "go"])
def f(request):
    if request.param == "cdk":
        return py_view.File(tpy.parse(PY, "cdk"))
    return go_view.File(tgo.parse(GO))


def test_constructs_of_classes_in_source_order(f):
    assert [c.qualname for c in f.constructs(f"{SM}.Secret", f"{KMS}.Key")] == [f"{KMS}.Key", f"{SM}.Secret", f"{SM}.Secret"]
    assert f.constructs(f"{KMS}.Alias") == []


def test_a_construct_names_itself(f):
    key, = f.constructs(f"{KMS}.Key")
    assert (key.id, key.name, key.target) == ("PaymentsKey", "PaymentsKey", "key")
    assert key.id_parts() == ["PaymentsKey"]
    assert key.env_suffix() == ("environment_suffix" if isinstance(f, py_view.PyFile) else "environmentSuffix")


def test_a_setting_is_spelled_the_way_of_the_language(f):
    """What a message tells the owner to write is in the file's language."""
    key, = f.constructs(f"{KMS}.Key")
    if isinstance(f, py_view.PyFile):
        assert key.setting("cloud_watch_role", False) == "cloud_watch_role=False"
        assert key.setting("pending_window", 7) == "pending_window=7"
    else:
        assert key.setting("cloud_watch_role", False) == "CloudWatchRole: jsii.Bool(false)"
        assert key.setting("pending_window", 7) == "PendingWindow: jsii.Number(7)"
    assert key.spelled("log_group_name") == ("log_group_name" if isinstance(f, py_view.PyFile) else "LogGroupName")


def test_props_read_neutrally(f):
    key, = f.constructs(f"{KMS}.Key")
    assert key.has("enable_key_rotation") and not key.has("alias")
    assert key.value("enable_key_rotation") is True
    assert key.value("alias") is ABSENT
    alias, = f.constructs(f"{KMS}.CfnAlias")
    assert alias.value("alias_name") == "alias/a"
    assert alias.ref("target_key_id", ("key_arn", "ref")) == "key"
    assert alias.ref("target_key_id") != "key"  # the attribute is taken off only when asked


def test_opaque_props_and_structs(f):
    secret, other = f.constructs(f"{SM}.Secret")
    assert not secret.opaque and other.opaque
    gen = secret.struct("generate_secret_string", f"{SM}.SecretStringGenerator")
    assert gen.value("password_length") == 8
    assert gen.value("exclude_characters") is ABSENT
    assert secret.struct("generate_secret_string", f"{SM}.CfnSecret.GenerateSecretStringProperty") is UNKNOWN
    assert secret.struct("description", f"{SM}.SecretStringGenerator") is ABSENT


def test_factory_methods_calls_members_and_enclosing(f):
    writer, = f.constructs(f"{RDS}.ClusterInstance.provisioned")
    assert writer.id == "writer"
    assert writer.enclosing(f"{RDS}.DatabaseCluster").name == "Ledger"
    cls, args = writer.call("instance_type", f"{EC2}.InstanceType", f"{EC2}.InstanceType.of")
    assert cls == f"{EC2}.InstanceType.of"
    assert [args[0].member(f"{EC2}.InstanceClass"), args[1].member(f"{EC2}.InstanceSize")] == ["BURSTABLE3", "MICRO"]
    assert args[0].member(f"{EC2}.InstanceSize") is None


def test_method_receivers_and_calls(f):
    assert f.method_receivers("add_alias") == {"key"}
    assert [a[0].value for a in f.method_calls("add_alias")] == ["alias/b"]
    assert f.has_call(f"{KMS}.CfnAlias") and not f.has_call(f"{KMS}.Alias")


def test_writes_in_the_language():
    py_key, = py_view.File(tpy.parse(PY, "cdk")).constructs(f"{KMS}.Key")
    go_key, = go_view.File(tgo.parse(GO)).constructs(f"{KMS}.Key")
    parts = ["alias/payments-key-", Expr("environment_suffix")]
    out = py_key.fixer(lambda: py_key.add_props([("alias", py_key.string(parts))]))()
    assert 'alias=f"alias/payments-key-{environment_suffix}"' in apply_edits(PY, out)
    parts = ["alias/payments-key-", Expr("environmentSuffix")]
    out = go_key.fixer(lambda: go_key.add_props([("alias", go_key.string(parts))]))()
    assert 'Alias:             jsii.String(fmt.Sprintf("alias/payments-key-%s", environmentSuffix)),' in apply_edits(GO, out)


def test_edit_sets_replaces_and_removes():
    py_secret = py_view.File(tpy.parse(PY, "cdk")).constructs(f"{SM}.Secret")[0]
    go_secret = go_view.File(tgo.parse(GO)).constructs(f"{SM}.Secret")[0]
    for secret, src, want in (
        (py_secret, PY, "password_length=32,\n            exclude_characters=\"x\","),
        (go_secret, GO, "PasswordLength:    jsii.Number(32),\n\t\t\tExcludeCharacters: jsii.String(\"x\"),"),
    ):
        gen = secret.struct("generate_secret_string", f"{SM}.SecretStringGenerator")
        out = secret.fixer(lambda: gen.edit(set=[("password_length", 32), ("exclude_characters", "x")]))()
        assert want in apply_edits(src, out)
    py_key = py_view.File(tpy.parse(PY, "cdk")).constructs(f"{KMS}.Key")[0]
    out = py_key.fixer(lambda: py_key.edit(remove=["enable_key_rotation"]))()
    assert 'kms.Key(self, "PaymentsKey")' in apply_edits(PY, out)
    new = New(f"{SM}.SecretStringGenerator", (("password_length", 32),))
    assert py_key.fixer(lambda: [])() == [] and py_key.render(new) == "sm.SecretStringGenerator(password_length=32)"


def test_a_companion_given_by_an_attribute():
    """``add_companion(..., attr="ref")``: an L1 prop that takes a name gets the new construct's ref."""
    new = New(f"{KMS}.CfnKey", (("description", "d"),))
    py_key, = py_view.File(tpy.parse(PY, "cdk")).constructs(f"{KMS}.Key")
    out = apply_edits(PY, py_key.fixer(lambda: py_key.add_companion("alias", new, "Other", (), attr="ref"))())
    assert 'key_other = kms.CfnKey(self, "PaymentsKeyOther", description="d")' in out
    assert "alias=key_other.ref" in out
    go_key, = go_view.File(tgo.parse(GO)).constructs(f"{KMS}.Key")
    out = apply_edits(GO, go_key.fixer(lambda: go_key.add_companion("alias", new, "Other", (), attr="ref"))())
    assert 'keyOther := awskms.NewCfnKey(stack, jsii.String("PaymentsKeyOther"), &awskms.CfnKeyProps{' in out
    assert "Alias:             keyOther.Ref()," in out


ENGINE_PY = PY.replace("            vpc=vpc,\n        )", """            vpc=vpc,
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
        )""")
ENGINE_GO = GO.replace("\t\tVpc: vpc,\n\t})", """\t\tVpc: vpc,
\t\tEngine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{
\t\t\tVersion: awsrds.AuroraPostgresEngineVersion_VER_16_4(),
\t\t}),
\t})""")


def test_the_props_of_a_factory_call_and_a_static_property():
    """``struct`` reads the props a factory method is called with (Python keywords, a Go props
    literal); ``member`` reads a static property (Go: ``Class_MEMBER()``); ``value_source``
    gives a value as written."""
    for f, text in ((py_view.File(tpy.parse(ENGINE_PY, "cdk")), "rds.DatabaseClusterEngine.aurora_postgres("),
                    (go_view.File(tgo.parse(ENGINE_GO)), "awsrds.DatabaseClusterEngine_AuroraPostgres(")):
        cluster, = f.constructs(f"{RDS}.DatabaseCluster")
        engine = cluster.struct("engine", f"{RDS}.DatabaseClusterEngine.aurora_postgres")
        assert engine.member("version", f"{RDS}.AuroraPostgresEngineVersion") == "VER_16_4"
        assert cluster.struct("engine", f"{RDS}.DatabaseClusterEngine.aurora_mysql") is UNKNOWN
        assert cluster.struct("parameter_group", f"{RDS}.DatabaseClusterEngine.aurora_mysql") is ABSENT
        assert cluster.value_source("engine").startswith(text)


SG_PY = '''from aws_cdk import Stack, aws_ec2 as ec2


class S(Stack):
    def __init__(self, scope, construct_id, vpc, db) -> None:
        super().__init__(scope, construct_id)
        self.app_sg = ec2.SecurityGroup(self, "AppSg", vpc=vpc)
        self.app_sg.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port(protocol=ec2.Protocol.TCP, from_port=80))
        db.connections.allow_from(self.app_sg.connections, ec2.Port.tcp_range(1, 2), "")
        db.connections.allow_from(*rules)
'''

SG_GO = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

func NewS(stack awscdk.Stack, vpc awsec2.IVpc, db awsec2.IConnectable) {
	appSg := awsec2.NewSecurityGroup(stack, jsii.String("AppSg"), &awsec2.SecurityGroupProps{Vpc: vpc})
	appSg.AddIngressRule(awsec2.Peer_Ipv4(jsii.String("10.0.0.0/16")), awsec2.NewPort(&awsec2.PortProps{Protocol: awsec2.Protocol_TCP, FromPort: jsii.Number(80)}), nil, nil)
	db.Connections().AllowFrom(appSg.Connections(), awsec2.Port_TcpRange(jsii.Number(1), jsii.Number(2)), jsii.String(""))
	db.Connections().AllowFrom(rules...)
}
'''


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_method_calls_their_arguments_and_writes(lang):
    """``method_sites``: the calls of methods (Go: on a variable or an attribute of one), their
    receiver and arguments read as ``Arg`` (``variable``, ``call``, ``props``), an argument
    written by index or keyword; ``construct_ids`` and ``resource_type`` name what the file makes."""
    src = SG_PY if lang == "cdk" else SG_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    app = "self.app_sg" if lang == "cdk" else "appSg"
    assert f.construct_ids() == {app: "AppSg"}
    assert f.resource_type(f"{EC2}.SecurityGroup") == ("aws_ec2" if lang == "cdk" else "awsec2") + ".SecurityGroup"
    ingress, allow, splat = f.method_sites(["allow_from", "add_ingress_rule"])
    assert [ingress.method, allow.method, allow.line - ingress.line] == ["add_ingress_rule", "allow_from", 1]
    assert (ingress.receiver.variable(), allow.receiver.variable(["connections"])) == (app, "db")
    assert not ingress.opaque and splat.opaque
    peer, port = ingress.args[:2]
    assert peer.call(f"{EC2}.Peer.ipv6", f"{EC2}.Peer.ipv4")[0] == f"{EC2}.Peer.ipv4"
    assert peer.call(f"{EC2}.Peer.ipv4")[1][0].value == "10.0.0.0/16" and peer.variable() is None
    props = port.props(f"{EC2}.Port")
    assert props.member("protocol", f"{EC2}.Protocol") == "TCP" and props.value("from_port") == 80
    assert not props.has("to_port") and props.arg("from_port").value == 80 and peer.props(f"{EC2}.Port") is None
    assert allow.args[0].variable(["connections"]) == app and allow.args[0].variable() != app
    assert [a.value for a in allow.args[1].call(f"{EC2}.Port.tcp_range")[1]] == [1, 2]
    assert allow.arg(2, "description").value == ""
    assert ingress.arg(2, "description") is None if lang == "cdk" else ingress.arg(2, "description").value is ABSENT
    out = apply_edits(src, ingress.fixer(lambda: ingress.set_arg(2, "description", "d"))())
    assert ('from_port=80),\n            description="d",\n' if lang == "cdk"
            else 'FromPort: jsii.Number(80)}), jsii.String("d"), nil)') in out
    out = apply_edits(src, allow.fixer(lambda: allow.set_arg(2, "description", "e"))())
    assert ('tcp_range(1, 2), "e")' if lang == "cdk" else 'jsii.Number(2)), jsii.String("e"))') in out


DLQ_PY = """from aws_cdk import Duration, Stack, aws_lambda as lambda_, aws_lambda_event_sources as sources, aws_sqs as sqs


class S(Stack):
    def __init__(self, scope, construct_id, env, bucket) -> None:
        super().__init__(scope, construct_id)
        orders = sqs.Queue(self, "Orders", queue_name=f"orders-{env}")
        spare = sqs.Queue(self, "Spare", dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=2, queue=orders))
        fn = lambda_.Function(self, "Fn", dead_letter_queue_enabled=False)
        fn.add_event_source(sources.S3EventSource(bucket))
        fn.configure_async_invoke(on_failure=dest)
        fn.add_permission("S3", principal=iam.ServicePrincipal("s3.amazonaws.com"))
"""

DLQ_GO = """package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"
)

func NewS(stack awscdk.Stack, env string, bucket awss3.IBucket) {
	orders := awssqs.NewQueue(stack, jsii.String("Orders"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("orders-%s", env)),
	})
	spare := awssqs.NewQueue(stack, jsii.String("Spare"), &awssqs.QueueProps{
		DeadLetterQueue: &awssqs.DeadLetterQueue{MaxReceiveCount: jsii.Number(2), Queue: orders},
	})
	fn := awslambda.NewFunction(stack, jsii.String("Fn"), &awslambda.FunctionProps{
		DeadLetterQueueEnabled: jsii.Bool(false),
	})
	fn.AddEventSource(awslambdaeventsources.NewS3EventSource(bucket, nil))
	fn.ConfigureAsyncInvoke(&awslambda.EventInvokeConfigOptions{OnFailure: dest})
	fn.AddPermission(jsii.String("S3"), &awslambda.Permission{Principal: awsiam.NewServicePrincipal(jsii.String("s3.amazonaws.com"), nil)})
	_ = spare
}
"""


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_what_dead_letter_queue_reads_and_writes(lang):
    """What a dead-letter queue detector asks: the calls of classes as ``Arg`` (``callee``,
    ``calls``, ``refs``), a method call's options and strings, how the language spells a
    method, the queues the file uses as DLQs; and writes: a construct before another's
    statement, a name with a word added, a prop placed by the class's order, a flag that
    turns a prop off replaced, a dict."""
    src = DLQ_PY if lang == "cdk" else DLQ_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    (q, source), = f.calls("aws_cdk.aws_lambda_event_sources.S3EventSource")
    assert q == "aws_cdk.aws_lambda_event_sources.S3EventSource" and source.callee() == "S3EventSource"
    assert [c.callee() for c in source.calls()] == ["S3EventSource"] and "bucket" in source.refs()
    assert f.dead_letter_refs() == {"orders"} and f.edge_functions() == set()
    add, configure, permission = f.method_sites(["add_event_source", "configure_async_invoke", "add_permission"])
    assert add.receiver.ref() == "fn" and add.args[0].call("aws_cdk.aws_lambda_event_sources.S3EventSource")
    assert configure.has_option("on_failure") and not configure.has_option("max_event_age")
    assert "s3.amazonaws.com" in permission.strings()
    assert f.method_name("add_permission") == ("add_permission" if lang == "cdk" else "AddPermission")
    orders, spare = f.constructs("aws_cdk.aws_sqs.Queue")
    fn, = f.constructs("aws_cdk.aws_lambda.Function")
    assert orders.can_add_before and fn.can_add_before

    def fix():
        var, edits = orders.add_before("aws_cdk.aws_sqs.Queue", "dlq", [
            ("queue_name", Code(orders.name_with_word("queue_name", "dlq"))), ("fifo", True)])
        return edits + orders.add_prop("dead_letter_queue", New("aws_cdk.aws_sqs.DeadLetterQueue", (
            ("max_receive_count", 3), ("queue", Code(var)))))
    out = apply_edits(src, orders.fixer(fix)())
    if lang == "cdk":
        assert 'orders_dlq = sqs.Queue(self, "OrdersDlq", queue_name=f"orders-dlq-{env}", fifo=True)\n' in out
        assert "dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=orders_dlq)" in out
    else:
        assert 'ordersDlq := awssqs.NewQueue(stack, jsii.String("OrdersDlq"), &awssqs.QueueProps{' in out
        assert 'QueueName: jsii.String(fmt.Sprintf("orders-dlq-%s", env)),\n\t\tFifo:      jsii.Bool(true),' in out
        assert "\t\t\tQueue:           ordersDlq,\n" in out
    out = apply_edits(src, fn.fixer(lambda: fn.replace_flag("dead_letter_queue_enabled", "dead_letter_queue",
                                                            Code("fn_dlq")))())
    assert ('lambda_.Function(self, "Fn", dead_letter_queue=fn_dlq)' if lang == "cdk" else
            "DeadLetterQueue:        fn_dlq,\n\t\tDeadLetterQueueEnabled: jsii.Bool(true),") in out
    policy = orders.fixer(lambda: orders.add_prop("redrive_policy", {"maxReceiveCount": 3}))()
    want = ('redrive_policy={"maxReceiveCount": 3}' if lang == "cdk"
            else 'RedrivePolicy: &map[string]interface{}{\n\t\t\t"maxReceiveCount": jsii.Number(3),')
    assert want in apply_edits(src, policy)


ONE_FOR_BOTH = ("kms_key_alias", "secret_generation", "rds_performance_insights", "removal_policy",
                "dead_letter_queue",
                "environment_suffix", "iam_wildcard", "log_retention", "elasticache_parameter_group",
                "rds_parameter_group", "sg_rule_description", "api_throttling")


@pytest.mark.parametrize("package", ONE_FOR_BOTH)
def test_one_module_detects_in_cdk_python_and_go(package):
    import importlib
    import importlib.util

    from iacfix.codemods.spec import language_detectors

    name = f"iacfix.codemods.{package}"
    assert importlib.util.find_spec(f"{name}.go") is None  # no second detector to drift
    hand = language_detectors(name, same_as={"go": "cdk"})
    assert hand["go"] is hand["cdk"] is importlib.import_module(f"{name}.cdk").detect
    assert "go" in importlib.import_module(name).CODEMOD.detectors.declared


API_PY = '''from aws_cdk import Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2


class S(Stack):
    def __init__(self, scope, construct_id) -> None:
        super().__init__(scope, construct_id)
        apigw.CfnStage(
            self,
            "Stage",
            rest_api_id="r",
            method_settings=[
                apigw.CfnStage.MethodSettingProperty(http_method="GET", resource_path="/a"),
            ],
        )
        apigw.CfnStage(self, "Other", rest_api_id="r", method_settings=[settings])
        http_api = apigwv2.HttpApi(self, "Api")
        other = apigwv2.HttpApi(self, "Other")
        cfn = other.default_stage.node.default_child
        cfn.add_property_override("DefaultRouteSettings.ThrottlingRateLimit", 1)
'''

API_GO = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewS(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	awsapigateway.NewCfnStage(stack, jsii.String("Stage"), &awsapigateway.CfnStageProps{
		RestApiId: jsii.String("r"),
		MethodSettings: &[]interface{}{
			&awsapigateway.CfnStage_MethodSettingProperty{HttpMethod: jsii.String("GET"), ResourcePath: jsii.String("/a")},
		},
	})
	awsapigateway.NewCfnStage(stack, jsii.String("Other"), &awsapigateway.CfnStageProps{
		RestApiId:      jsii.String("r"),
		MethodSettings: settings,
	})
	httpApi := awsapigatewayv2.NewHttpApi(stack, jsii.String("Api"), nil)
	var other awsapigatewayv2.HttpApi
	other = awsapigatewayv2.NewHttpApi(stack, jsii.String("Other"), nil)
	cfn := other.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage)
	cfn.AddPropertyOverride(jsii.String("DefaultRouteSettings.ThrottlingRateLimit"), 1)
	_ = httpApi
	return stack
}
'''

APIGW, APIGW2 = "aws_cdk.aws_apigateway", "aws_cdk.aws_apigatewayv2"


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_lists_of_structs_and_escape_hatches(lang):
    """``structs`` reads a list of structs, ``append`` adds one in the list's layout;
    ``overridden`` finds an escape hatch on an L1 resource behind a variable, and
    ``add_property_override`` writes one after the construct's statement (an assignment
    of its own, Go ``=`` included)."""
    src = API_PY if lang == "cdk" else API_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    prop = f"{APIGW}.CfnStage.MethodSettingProperty"
    stage, opaque = f.constructs(f"{APIGW}.CfnStage")
    setting, = stage.structs("method_settings", prop)
    assert (setting.value("http_method"), setting.value("resource_path")) == ("GET", "/a")
    assert not setting.has("throttling_rate_limit")
    assert stage.structs("method_settings", f"{APIGW}.CfnStage.CanarySettingProperty") is UNKNOWN
    assert opaque.structs("method_settings", prop) is UNKNOWN and stage.structs("tags", prop) is ABSENT
    entry = New(prop, (("http_method", "*"), ("throttling_burst_limit", 5)))
    out = apply_edits(src, stage.fixer(lambda: stage.append("method_settings", entry))())
    assert ('"/a"),\n                apigw.CfnStage.MethodSettingProperty(\n                    http_method="*",\n'
            '                    throttling_burst_limit=5,\n                ),\n            ],'
            if lang == "cdk" else
            '&awsapigateway.CfnStage_MethodSettingProperty{\n\t\t\t\tHttpMethod:           jsii.String("*"),\n'
            '\t\t\t\tThrottlingBurstLimit: jsii.Number(5),\n\t\t\t},\n\t\t},') in out
    out = apply_edits(src, stage.fixer(lambda: setting.edit(set=[("throttling_rate_limit", 7)]))())
    assert ("throttling_rate_limit=7" if lang == "cdk" else "ThrottlingRateLimit: jsii.Number(7)") in out
    api, other = f.constructs(f"{APIGW2}.HttpApi")
    assert api.own_statement and other.own_statement
    assert other.overridden(("default_stage",), "DefaultRouteSettings")
    assert not api.overridden(("default_stage",), "DefaultRouteSettings")
    assert not other.overridden(("default_stage",), "AccessLogSettings")
    value = {"ThrottlingBurstLimit": 2, "ThrottlingRateLimit": 1}
    out = apply_edits(src, api.fixer(lambda: api.add_property_override(
        ("default_stage",), f"{APIGW2}.CfnStage", "DefaultRouteSettings", value))())
    assert ('http_api = apigwv2.HttpApi(self, "Api")\n        http_api.default_stage.node.default_child.add_property_override(\n'
            '            "DefaultRouteSettings",\n            {"ThrottlingBurstLimit": 2, "ThrottlingRateLimit": 1},\n        )\n'
            if lang == "cdk" else
            'nil)\n\thttpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride('
            'jsii.String("DefaultRouteSettings"), map[string]interface{}{\n'
            '\t\t"ThrottlingBurstLimit": 2,\n\t\t"ThrottlingRateLimit":  1,\n\t})\n') in out


ROLE_PY = '''from aws_cdk import Stack, aws_iam as iam


class S(Stack):
    def __init__(self, scope, construct_id, stmt) -> None:
        super().__init__(scope, construct_id)
        role = iam.Role(
            self,
            "Role",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_managed_policy_arn(self, "P", "arn:aws:iam::aws:policy/X")],
            inline_policies={"A": iam.PolicyDocument(statements=[
                iam.PolicyStatement(effect=iam.Effect.DENY, actions=["s3:*"]), iam.PolicyStatement(),
                iam.PolicyStatement(**stmt)])},
        )
        bare = iam.Role(self, "Bare", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
'''

ROLE_GO = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

func NewS(stack awscdk.Stack, stmt *awsiam.PolicyStatementProps) {
	role := awsiam.NewRole(stack, jsii.String("Role"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		ManagedPolicies: &[]awsiam.IManagedPolicy{
			awsiam.ManagedPolicy_FromManagedPolicyArn(stack, jsii.String("P"), jsii.String("arn:aws:iam::aws:policy/X")),
		},
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			"A": awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{Statements: &[]awsiam.PolicyStatement{
				awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Effect: awsiam.Effect_DENY, Actions: jsii.Strings("s3:*")}),
				awsiam.NewPolicyStatement(nil), awsiam.NewPolicyStatement(stmt)}}),
		},
	})
	bare := awsiam.NewRole(stack, jsii.String("Bare"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)})
	_, _ = role, bare
}
'''


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_what_lambda_tracing_reads_and_writes(lang):
    """``items`` reads a list literal, ``call_arg`` an argument of a call by index or
    (Python) keyword, ``props_inside`` the props of the statements written inside a value
    (None for one not spelled out); ``add_to_list`` appends to a list prop or adds it."""
    src = ROLE_PY if lang == "cdk" else ROLE_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    role, bare = f.constructs("aws_cdk.aws_iam.Role")
    policy, = role.arg("managed_policies").items()
    assert role.arg("inline_policies").items() is None and role.arg("assumed_by").items() is None
    assert policy.call("aws_cdk.aws_iam.ManagedPolicy.from_managed_policy_arn")
    assert policy.call_arg(2, "managed_policy_arn").value == "arn:aws:iam::aws:policy/X"
    assert policy.call_arg(3, "other") is None
    deny, second, opaque = role.arg("inline_policies").props_inside("aws_cdk.aws_iam.PolicyStatement")
    assert deny.member("effect", "aws_cdk.aws_iam.Effect") == "DENY" and deny.strings("actions") == ["s3:*"]
    assert opaque is None and not second.has("actions")  # Go: nil props
    assert policy.props_inside("aws_cdk.aws_iam.PolicyStatement") == []
    grant = Call("aws_cdk.aws_iam.ManagedPolicy.from_aws_managed_policy_name", "G")
    out = apply_edits(src, role.fixer(lambda: role.add_to_list("managed_policies", grant,
                                                                "aws_cdk.aws_iam.IManagedPolicy"))())
    assert ('"arn:aws:iam::aws:policy/X"),\n                iam.ManagedPolicy.from_aws_managed_policy_name("G"),\n'
            if lang == "cdk" else
            'jsii.String("arn:aws:iam::aws:policy/X")),\n\t\t\tawsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("G")),\n'
            ) in out
    out = apply_edits(src, bare.fixer(lambda: bare.add_to_list("managed_policies", grant,
                                                                "aws_cdk.aws_iam.IManagedPolicy"))())
    assert ('managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("G")],' if lang == "cdk" else
            'ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("G"))}'
            ) in out


def test_lambda_tracing_is_one_module():
    test_one_module_detects_in_cdk_python_and_go("lambda_tracing")


VPC_GO = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

func NewS(stack awscdk.Stack) {
	awsec2.NewVpc(stack, jsii.String("A"), &awsec2.VpcProps{
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{
			{Name: jsii.String("app"), SubnetType: awsec2.SubnetType_PRIVATE_WITH_EGRESS},
			&awsec2.SubnetConfiguration{Name: jsii.String("web"), SubnetType: awsec2.SubnetType_PUBLIC},
		},
	})
	awsec2.NewVpc(stack, jsii.String("B"), &awsec2.VpcProps{NatGateways: jsii.Number(1), MaxAzs: jsii.Number(2)})
}
'''


def test_go_slices_of_structs_with_elided_types_and_one_line_removals():
    """Go: the elements of ``[]*pkg.T{{...}}`` leave their type out (gofmt -s writes them
    so) and are read as ``pkg.T`` structs; a field removed from a literal written on one
    line takes its separator with it."""
    a, b = go_view.File(tgo.parse(VPC_GO)).constructs(f"{EC2}.Vpc")
    configs = a.structs("subnet_configuration", f"{EC2}.SubnetConfiguration")
    assert [c.value("name") for c in configs] == ["app", "web"]
    assert [c.member("subnet_type", f"{EC2}.SubnetType") for c in configs] == ["PRIVATE_WITH_EGRESS", "PUBLIC"]
    out = apply_edits(VPC_GO, b.fixer(lambda: b.edit(remove=["nat_gateways"]))())
    assert '&awsec2.VpcProps{MaxAzs: jsii.Number(2)})' in out
    out = apply_edits(VPC_GO, b.fixer(lambda: b.edit(remove=["max_azs"]))())
    assert '&awsec2.VpcProps{NatGateways: jsii.Number(1)})' in out
    out = apply_edits(VPC_GO, b.fixer(lambda: b.edit(remove=["max_azs", "nat_gateways"]))())
    assert '&awsec2.VpcProps{})' in out


TAGS_PY = '''import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs


class Queues(cdk.Stack):
    def __init__(self, scope, construct_id, environment_suffix, **kwargs) -> None:
        super().__init__(scope, construct_id, tags={"Team": "orders"}, **kwargs)
        sqs.Queue(self, "Orders", queue_name=f"orders-{environment_suffix}")
        cdk.Tags.of(self).add("CostCenter", "1234")
        cdk.Tags.of(self.node).remove("Old")


app = cdk.App()
queues = Queues(app, "Queues", environment_suffix="dev", tags=tags)
cdk.Tags.of(app).add("ManagedBy", "cdk")
'''

TAGS_GO = '''package main

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewQueues(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &awscdk.StackProps{Tags: &map[string]*string{"Team": jsii.String("orders")}})
	awssqs.NewQueue(stack, jsii.String("Orders"), &awssqs.QueueProps{
		QueueName: jsii.String(fmt.Sprintf("orders-%s", environmentSuffix)),
	})
	awscdk.Tags_Of(stack).Add(jsii.String("CostCenter"), jsii.String("1234"), nil)
	awscdk.Tags_Of(stack.Node()).Remove(jsii.String("Old"), nil)
	return stack
}

func main() {
	app := awscdk.NewApp(nil)
	queues := NewQueues(app, "Queues", "dev")
	awscdk.Tags_Of(app).Add(jsii.String("ManagedBy"), jsii.String("cdk"), nil)
	_ = queues
}
'''


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_stacks_and_the_tags_added_to_them(lang):
    """``stacks``: a Python stack class, a Go function making a stack; what is written in it,
    the suffix it names things with, the tags it is made with (``Arg.keys``), the variables
    holding one; ``chained_calls`` reads ``Tags.of(x).add(...)``; ``add_tags`` writes after
    the stack's last such statement, values written by ``string``."""
    src = TAGS_PY if lang == "cdk" else TAGS_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    stack, = f.stacks()
    assert (stack.name, stack.variable) == (("Queues", "self") if lang == "cdk" else ("NewQueues", "stack"))
    assert stack.env_suffix() == ("environment_suffix" if lang == "cdk" else "environmentSuffix")
    assert stack.instances() == {"queues"} and stack.can_add
    queue, = f.constructs("aws_cdk.aws_sqs.Queue")
    assert stack.holds(queue)
    assert [t.keys() for t in stack.given_tags()] == ([{"Team"}, None] if lang == "cdk" else [{"Team"}])
    add, remove, wide = f.chained_calls("aws_cdk.Tags.of", ("add", "remove"))
    assert [m.method for m in (add, remove, wide)] == ["add", "remove", "add"]
    assert [m.receiver.call("aws_cdk.Tags.of")[1][0].ref() for m in (add, wide)] == [stack.variable, "app"]
    assert add.arg(0, "key").value == "CostCenter" and stack.holds(add) and not stack.holds(wide)
    env = stack.env_suffix()

    def fix():
        return stack.add_tags([("Environment", stack.string([Expr(env)])),
                               ("Name", stack.string(["q-", Expr(env)])), ("Tool", stack.string(["cdk"]))],
                              [add, remove])
    out = apply_edits(src, stack.fixer(fix)())
    if lang == "cdk":
        assert ('cdk.Tags.of(self.node).remove("Old")\n        cdk.Tags.of(self).add("Environment", environment_suffix)\n'
                '        cdk.Tags.of(self).add("Name", f"q-{environment_suffix}")\n'
                '        cdk.Tags.of(self).add("Tool", "cdk")\n\n\napp') in out
    else:
        assert ('Remove(jsii.String("Old"), nil)\n'
                '\tawscdk.Tags_Of(stack).Add(jsii.String("Environment"), jsii.String(environmentSuffix), nil)\n'
                '\tawscdk.Tags_Of(stack).Add(jsii.String("Name"), jsii.String(fmt.Sprintf("q-%s", environmentSuffix)), nil)\n'
                '\tawscdk.Tags_Of(stack).Add(jsii.String("Tool"), jsii.String("cdk"), nil)\n\treturn stack') in out
    out = apply_edits(src, stack.fixer(lambda: stack.add_tags([("Tool", stack.string(["cdk"]))], []))())
    assert ('queue_name=f"orders-{environment_suffix}")\n        cdk.Tags.of(self).add("CostCenter", "1234")\n'
            '        cdk.Tags.of(self.node).remove("Old")\n\n        cdk.Tags.of(self).add("Tool", "cdk")\n'
            if lang == "cdk" else
            'Remove(jsii.String("Old"), nil)\n\n\tawscdk.Tags_Of(stack).Add(jsii.String("Tool"), jsii.String("cdk"), nil)\n'
            '\n\treturn stack') in out


@pytest.mark.parametrize("package", ("required_tags", "api_access_logging"))
def test_stack_detectors_are_one_module(package):
    test_one_module_detects_in_cdk_python_and_go(package)


LOGS_PY = '''from aws_cdk import Stack
from aws_cdk.aws_apigateway import RestApi, StageOptions
from aws_cdk.aws_apigatewayv2 import HttpApi


class S(Stack):
    def __init__(self, scope, construct_id) -> None:
        super().__init__(scope, construct_id)
        api = RestApi(self, "OrdersApi", deploy_options=StageOptions(stage_name="v1", throttling_rate_limit=5))
        http_api = HttpApi(self, "Api")
'''

LOGS_GO = '''package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/jsii-runtime-go"
)

func NewS(stack awscdk.Stack) {
	api := awsapigateway.NewRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.RestApiProps{
		DeployOptions: &awsapigateway.StageOptions{StageName: jsii.String("v1"), ThrottlingRateLimit: jsii.Number(5)},
	})
	httpApi := awsapigatewayv2.NewHttpApi(stack, jsii.String("Api"), nil)
	_, _ = api, httpApi
}
'''


@pytest.mark.parametrize("lang", ["cdk", "go"])
def test_a_named_companion_props_in_order_and_an_override_of_any_values(lang):
    """``add_named_before`` names the new construct after this one with a kebab-case word;
    ``add_in_order`` places props by the catalog's order (before the throttling props);
    a ``Call`` of a class, a static method given props (``New``) and ``Json`` are written in
    the language; ``add_override_after`` writes an escape hatch of any values. Python: the
    names a fix imports from one module share one import."""
    from iacfix.codemods.lang.cdk import Call, Code, Member
    from iacfix.codemods.lang.view import Json

    src = LOGS_PY if lang == "cdk" else LOGS_GO
    f = py_view.File(tpy.parse(src, "cdk")) if lang == "cdk" else go_view.File(tgo.parse(src))
    api, = f.constructs(f"{APIGW}.RestApi")
    opts = api.struct("deploy_options", f"{APIGW}.StageOptions")

    def fix():
        var, edits = api.add_named_before("aws_cdk.aws_logs.LogGroup", "access-logs",
                                          [("retention", Member("aws_cdk.aws_logs.RetentionDays.ONE_MONTH"))])
        fmt = New(f"{APIGW}.AccessLogFormat.json_with_standard_fields", (("caller", False),))
        return edits + opts.add_in_order(f"{APIGW}.StageOptions", [
            ("access_log_destination", Call(f"{APIGW}.LogGroupLogDestination", Code(var))), ("access_log_format", fmt)])
    out = apply_edits(src, api.fixer(fix)())
    http_api, = f.constructs(f"{APIGW2}.HttpApi")
    value = {"DestinationArn": Code(http_api.attr("log_group_arn", "logs")), "Format": Json({"a": "b"})}
    hatch = apply_edits(src, http_api.fixer(lambda: http_api.add_override_after(
        ("default_stage",), f"{APIGW2}.CfnStage", "AccessLogSettings", value))())
    if lang == "cdk":
        assert "from aws_cdk.aws_logs import LogGroup, RetentionDays\n" in out
        assert "from aws_cdk.aws_apigateway import AccessLogFormat, LogGroupLogDestination, RestApi, StageOptions\n" in out
        assert 'api_access_logs = LogGroup(self, "OrdersApiAccessLogs", retention=RetentionDays.ONE_MONTH)\n' in out
        assert ('stage_name="v1",\n            access_log_destination=LogGroupLogDestination(api_access_logs),\n'
                '            access_log_format=AccessLogFormat.json_with_standard_fields(caller=False),\n'
                '            throttling_rate_limit=5,') in out
        assert hatch.startswith("import json\n\n")
        assert ('http_api = HttpApi(self, "Api")\n        http_api.default_stage.node.default_child.'
                'add_property_override(\n            "AccessLogSettings",\n            {\n'
                '                "DestinationArn": logs.log_group_arn,\n                "Format": json.dumps({"a": "b"}),\n'
                '            },\n        )\n') in hatch
    else:
        assert '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"\n' in out
        assert ('apiAccessLogs := awslogs.NewLogGroup(stack, jsii.String("OrdersApiAccessLogs"), &awslogs.LogGroupProps{\n'
                '\t\tRetention: awslogs.RetentionDays_ONE_MONTH,\n\t})\n') in out
        assert ('StageName:            jsii.String("v1"),\n'
                '\t\t\tAccessLogDestination: awsapigateway.NewLogGroupLogDestination(apiAccessLogs),\n'
                '\t\t\tAccessLogFormat: awsapigateway.AccessLogFormat_JsonWithStandardFields('
                '&awsapigateway.JsonWithStandardFieldProps{\n') in out
        assert ('httpApi.DefaultStage().Node().DefaultChild().(awsapigatewayv2.CfnStage).AddPropertyOverride('
                'jsii.String("AccessLogSettings"), map[string]interface{}{\n\t\t"DestinationArn": logs.LogGroupArn(),\n'
                '\t\t"Format": `{"a":"b"}`,\n\t})\n') in hatch
