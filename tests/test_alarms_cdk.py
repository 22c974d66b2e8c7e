"""alarms in the two CDK languages: a construct whose id is not a literal is reported with the
reason and no fix (the alarm is named after the id), in CDK Python as in CDK Go."""

from tests.test_suppress import run

PY = '''\
from aws_cdk import Stack, aws_lambda as lambda_


class S(Stack):
    def __init__(self, scope, id, name):
        super().__init__(scope, id)
        worker = lambda_.Function(
            self,
            name,
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
'''

GO = '''\
package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewWorkerStack(scope constructs.Construct, id string, name string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	worker := awslambda.NewFunction(stack, jsii.String(name), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda"), nil),
	})
	_ = worker
	return stack
}
'''


def test_a_construct_id_that_is_not_a_literal_is_reported_without_a_fix():
    for text, language, path in ((PY, "cdk", "stack.py"), (GO, "go", "stack.go")):
        res = run(text, language, path, select=("alarms",))
        assert res.new is None and not res.failed, language
        assert [f.gap.detail for f in res.findings] == ["errors", "throttles"], language
        assert all(f.gap.fix is None and "construct id is not a string literal" in f.gap.message
                   for f in res.findings), language
