"""The CDK Go adapter (codemods/lang/go): the CDK Python adapter's tables read and written
the Go way."""

from __future__ import annotations

import iacfix.codemods as codemods
from iacfix.codemods.lang.go import names
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText


def test_go_spelling_of_cdk_python_names():
    assert names.constructor("aws_cdk.aws_kms.Key") == ("github.com/aws/aws-cdk-go/awscdk/v2/awskms", "NewKey")
    assert names.props("aws_cdk.aws_lambda_nodejs.NodejsFunction") == (
        "github.com/aws/aws-cdk-go/awscdk/v2/awslambdanodejs", "NodejsFunctionProps")
    assert names.constructor("aws_cdk.aws_lambda_go_alpha.GoFunction") == (
        "github.com/aws/aws-cdk-go/awscdklambdagoalpha/v2", "NewGoFunction")
    assert names.split("aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED") == (
        "github.com/aws/aws-cdk-go/awscdk/v2/awssqs", "QueueEncryption_SQS_MANAGED")
    assert names.split("aws_cdk.Duration.days") == ("github.com/aws/aws-cdk-go/awscdk/v2", "Duration_Days")
    assert names.split("aws_cdk.aws_dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty")[1] == \
        "CfnTable_PointInTimeRecoverySpecificationProperty"
    assert names.field("multi_az_enabled") == "MultiAzEnabled"
    assert names.field("container_insights_v2") == "ContainerInsightsV2"


def stack(imports, body: str) -> str:
    lines = "".join(f'\t{i}\n' for i in imports)
    return (f'package stacks\n\nimport (\n{lines}\t"github.com/aws/jsii-runtime-go"\n)\n\n'
            f'func New(stack awscdk.Stack) {{\n{body}}}\n')


def run(slug: str, text: str, fix: bool = True, unsafe: bool = False, params=None):
    settings = Settings(codemods=codemods.select([slug]), fix=fix, unsafe_fixes=unsafe,
                        params={slug: params} if params else {})
    res = process_source(SourceText.from_string(text), "go", "stack.go", settings)
    assert res.error is None, res.error
    assert not res.failed, [f.reason for f in res.failed]
    return res


KMS = '"github.com/aws/aws-cdk-go/awscdk/v2/awskms"'


def test_an_explicit_opposite_value_is_reported_and_replaced_only_as_unsafe():
    text = stack([KMS], '\tawskms.NewKey(stack, jsii.String("K"), &awskms.KeyProps{\n'
                        '\t\tEnableKeyRotation: jsii.Bool(false),\n\t})\n')
    res = run("kms-key-rotation", text)
    (f,) = res.findings
    assert f.gap.unsafe and "EnableKeyRotation: jsii.Bool(false)" in f.gap.message
    assert f.gap.resource_name == "K" and f.gap.resource_type == "awskms.Key"
    assert res.new is None
    res = run("kms-key-rotation", text, unsafe=True)
    assert "\t\tEnableKeyRotation: jsii.Bool(true),\n" in res.new


def test_props_built_elsewhere_are_left_alone():
    text = stack([KMS], '\tprops := awskms.KeyProps{}\n\tawskms.NewKey(stack, jsii.String("K"), &props)\n')
    assert run("kms-key-rotation", text, fix=False).findings == []


def test_plain_go_literals_in_l1_props_are_read():
    text = stack([KMS], '\tawskms.NewCfnKey(stack, jsii.String("K"), &awskms.CfnKeyProps{\n'
                        '\t\tEnableKeyRotation: true,\n\t})\n')
    assert run("kms-key-rotation", text, fix=False).findings == []


def test_enum_members_are_read_through_an_alias():
    text = stack(['kms "github.com/aws/aws-cdk-go/awscdk/v2/awskms"'],
                 '\tkms.NewKey(stack, jsii.String("Hmac"), &kms.KeyProps{\n\t\tKeySpec: kms.KeySpec_HMAC_256,\n\t})\n'
                 '\tkms.NewKey(stack, jsii.String("Sym"), &kms.KeyProps{\n\t\tKeySpec: kms.KeySpec_SYMMETRIC_DEFAULT,\n\t})\n')
    res = run("kms-key-rotation", text, fix=False)
    assert [f.gap.resource_name for f in res.findings] == ["Sym"]


def test_durations_are_read_in_any_unit():
    kin = '"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"'
    cdk = '"github.com/aws/aws-cdk-go/awscdk/v2"'
    text = stack([cdk, kin], '\tawskinesis.NewStream(stack, jsii.String("S"), &awskinesis.StreamProps{\n'
                             '\t\tEncryption:      awskinesis.StreamEncryption_KMS,\n'
                             '\t\tRetentionPeriod: awscdk.Duration_Days(jsii.Number(1)),\n\t})\n')
    assert run("kinesis-encryption", text, fix=False).findings == []


def test_a_construct_id_that_is_not_a_literal_names_it_by_its_variable():
    text = stack([KMS], '\tname := "K"\n\tkey := awskms.NewKey(stack, &name, nil)\n\t_ = key\n')
    (f,) = run("kms-key-rotation", text, fix=False).findings
    assert f.gap.resource_name == "key"


def test_jsii_is_imported_when_the_file_does_not_use_it_yet():
    text = ('package stacks\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n)\n\n'
            'func New(stack awscdk.Stack, id *string) {\n\tawskms.NewKey(stack, id, nil)\n}\n')
    res = run("kms-key-rotation", text)
    assert res.new.startswith('package stacks\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n'
                              '\t"github.com/aws/jsii-runtime-go"\n)\n')
    assert "\tawskms.NewKey(stack, id, &awskms.KeyProps{\n\t\tEnableKeyRotation: jsii.Bool(true),\n\t})\n" in res.new


def test_a_construct_whose_removal_policy_retains_it_is_protected_from_replacement():
    from iacfix.codemods.lang import retained
    from iacfix.transforms.go import parse

    text = stack(['"github.com/aws/aws-cdk-go/awscdk/v2"', '"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"'],
                 '\tawsrds.NewDatabaseInstance(stack, jsii.String("Kept"), &awsrds.DatabaseInstanceProps{\n'
                 '\t\tRemovalPolicy: awscdk.RemovalPolicy_RETAIN,\n\t})\n'
                 '\tlater := awsrds.NewDatabaseInstance(stack, jsii.String("Later"), &awsrds.DatabaseInstanceProps{})\n'
                 '\tlater.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN)\n'
                 '\tawsrds.NewDatabaseInstance(stack, jsii.String("Gone"), &awsrds.DatabaseInstanceProps{\n'
                 '\t\tRemovalPolicy: awscdk.RemovalPolicy_DESTROY,\n\t})\n')
    assert retained("go", parse(text)) == {("awsrds.DatabaseInstance", "Kept"), ("awsrds.DatabaseInstance", "Later")}


def test_the_go_mod_above_a_stack_says_which_aws_cdk_go_it_has(tmp_path, monkeypatch):
    """log-retention gives a function LogGroup from aws-cdk-go 2.110.0 on, LogRetention
    before: the engine reads the module's go.mod (in the directory or above it)."""
    from click.testing import CliRunner

    from iacfix.cli import main
    from iacfix.codemods.common.aws import cdk_go_has_function_log_group

    assert cdk_go_has_function_log_group({})
    assert cdk_go_has_function_log_group({"go.mod": "require github.com/aws/aws-cdk-go/awscdk/v2 v2.110.0\n"})
    assert not cdk_go_has_function_log_group({"go.mod": "require github.com/aws/aws-cdk-go/awscdk/v2 v2.99.1\n"})
    src = stack(['"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"'],
                '\tfn := awslambda.NewFunction(stack, jsii.String("Fn"), &awslambda.FunctionProps{\n'
                '\t\tHandler: jsii.String("bootstrap"),\n\t})\n\t_ = fn\n')
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / "fn.go").write_text(src)
    monkeypatch.chdir(tmp_path)
    new = CliRunner().invoke(main, ["fix", "--dry-run", "--select", "log-retention", "."]).stdout
    assert "LogGroup:" in new and "LogRetention" not in new
    (tmp_path / "go.mod").write_text("module x\n\nrequire github.com/aws/aws-cdk-go/awscdk/v2 v2.80.0\n")
    # LogRetention sets the period on the group the function has logged to: it deletes the
    # older events, an unsafe fix
    assert CliRunner().invoke(main, ["fix", "--dry-run", "--select", "log-retention", "."]).stdout == ""
    old = CliRunner().invoke(main, ["fix", "--dry-run", "--unsafe-fixes", "--select", "log-retention", "."]).stdout
    assert "LogRetention: awslogs.RetentionDays_ONE_MONTH" in old and "LogGroup:" not in old
