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


EDGE_PY = '''\
from aws_cdk import Stack, aws_cloudfront as cloudfront, aws_lambda as lambda_


class S(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        rewrite = lambda_.Function(
            self,
            "Rewrite",
            runtime=lambda_.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=lambda_.Code.from_asset("edge"),
        )
        cloudfront.Distribution(
            self,
            "Site",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origin,
                edge_lambdas=[cloudfront.EdgeLambda(
                    function_version=rewrite.current_version,
                    event_type=cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
                )],
            ),
        )
'''

EDGE_PULUMI = '''\
import pulumi_aws as aws

rewrite = aws.lambda_.Function("rewrite", role=role.arn, runtime="nodejs20.x", handler="index.handler",
                               publish=True, code=code)
aws.cloudfront.Distribution("site", enabled=True, default_cache_behavior={
    "lambda_function_associations": [{"event_type": "viewer-request", "lambda_arn": rewrite.qualified_arn}],
})
'''

EDGE_GO = GO.replace('''	_ = worker
''', '''	awscloudfront.NewDistribution(stack, jsii.String("Site"), &awscloudfront.DistributionProps{
		DefaultBehavior: &awscloudfront.BehaviorOptions{
			EdgeLambdas: &[]*awscloudfront.EdgeLambda{{
				FunctionVersion: worker.CurrentVersion(),
				EventType:       awscloudfront.LambdaEdgeEventType_VIEWER_REQUEST,
			}},
		},
	})
''').replace('"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"', '"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"').replace("jsii.String(name)", 'jsii.String("Worker")')


def test_lambda_at_edge_gets_no_alarm_in_any_language():
    # its metrics are reported in the regions that run it; dead-letter-queue reads the same fact
    for text, language, path in ((EDGE_PY, "cdk", "stack.py"), (EDGE_PULUMI, "pulumi", "__main__.py"),
                                 (EDGE_GO, "go", "stack.go")):
        for slug in ("alarms", "dead-letter-queue"):
            res = run(text, language, path, select=(slug,))
            assert not [f for f in res.findings if "Lambda function" in f.gap.message] and not [
                f for f in res.fixed if "Lambda function" in f.gap.message], (language, slug)


NAMED_PY = '''\
from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigateway


class ApiStack(Stack):
    def __init__(self, scope, construct_id, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        jobs = f"jobs-{environment_suffix}"
        api = apigateway.RestApi(self, "PlatformApi", rest_api_name="platform-api")
        api.root.add_method("GET", apigateway.MockIntegration())
'''

NAMED_GO = '''\
package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewApiStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	_ = fmt.Sprintf("jobs-%s", environmentSuffix)
	api := awsapigateway.NewRestApi(stack, jsii.String("PlatformApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String("platform-api"),
	})
	api.Root().AddMethod(jsii.String("GET"), awsapigateway.NewMockIntegration(nil), nil)
	return stack
}
'''


def test_an_alarm_is_named_with_the_suffix_whichever_of_alarms_and_environment_suffix_runs_first():
    # environment-suffix renames the API platform-api-<suffix>; an alarm made before that
    # was named platform-api-5xx-errors, one made after platform-api-5xx-errors-<suffix>
    for text, language, path, want in (
            (NAMED_PY, "cdk", "stack.py", 'alarm_name=f"platform-api-5xx-errors-{environment_suffix}"'),
            (NAMED_GO, "go", "stack.go", 'AlarmName:         jsii.String(fmt.Sprintf("platform-api-5xx-errors-%s", environmentSuffix))')):
        alarms_first = run(run(text, language, path, select=("alarms",)).new, language, path,
                           select=("environment-suffix",), unsafe=True).new
        suffix_first = run(run(text, language, path, select=("environment-suffix",), unsafe=True).new, language, path,
                           select=("alarms",)).new
        assert want in alarms_first, (language, alarms_first)
        assert want in suffix_first, (language, suffix_first)
