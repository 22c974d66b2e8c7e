"""Facts about AWS itself, the same in every language: stated once, read by every adapter
and detector that needs them."""

from __future__ import annotations

import re

# Services whose principal invokes a Lambda function asynchronously (an event is queued
# and retried; failures are lost without a dead-letter queue or on-failure destination).
ASYNC_INVOKERS = (
    "s3", "sns", "events", "scheduler", "ses", "iot", "logs", "config", "codecommit",
    "lambda.alarms.cloudwatch",
)
_ASYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in ASYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)


def no_xray_grant(scope: str) -> str:
    """Why tracing is reported, not turned on, for a function whose role is not one of the
    ``scope`` (module, template): Lambda rejects tracing when the role cannot write traces."""
    return (f"its execution role is not a role of this {scope}, so iacfix cannot grant it X-Ray write "
            "access: attach AWSXRayDaemonWriteAccess to it, then turn tracing on")


def invokes_asynchronously(principal: object) -> bool:
    """Whether a service principal (``sns.amazonaws.com``) invokes Lambda asynchronously."""
    return isinstance(principal, str) and _ASYNC_PRINCIPAL.match(principal) is not None


# Services whose principal invokes a Lambda function synchronously: the caller sees the
# error and retries or reports it itself, so a dead-letter queue would never receive anything.
# CloudFormation counts here: it waits for a macro's answer, and a custom resource whose
# handler fails fails the stack operation that created it, where its owner sees it.
SYNC_INVOKERS = ("apigateway", "elasticloadbalancing", "cognito-idp", "lex", "alexa-appkit", "cloudformation")
_SYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in SYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)

# Per language, the resources that invoke the function they name synchronously (API Gateway
# REST and HTTP integrations, ALB lambda targets, Function URLs, Cognito triggers) or poll a
# source for it (event source mappings: a failed batch stays on, or goes to the failure
# destination of, its source, never to the function's dead-letter queue).
# Terraform: resource type -> the argument (or "block.argument") that names the function.
TERRAFORM_SYNC_INVOKERS = {
    "aws_api_gateway_integration": "uri",
    "aws_apigatewayv2_integration": "integration_uri",
    "aws_lb_target_group_attachment": "target_id",
    "aws_alb_target_group_attachment": "target_id",
    "aws_lambda_function_url": "function_name",
    "aws_lambda_event_source_mapping": "function_name",
    "aws_cognito_user_pool": "lambda_config",
}
# Terraform: where a function is deployed at the edge (it cannot have a dead-letter queue).
TERRAFORM_EDGE = {"aws_cloudfront_distribution": "lambda_function_association"}
# CloudFormation: resource type -> the property that names the function.
CLOUDFORMATION_SYNC_INVOKERS = {
    "AWS::ApiGateway::Method": "Integration",
    "AWS::ApiGatewayV2::Integration": "IntegrationUri",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "Targets",
    "AWS::Lambda::Url": "TargetFunctionArn",
    "AWS::Lambda::EventSourceMapping": "FunctionName",
    "AWS::Cognito::UserPool": "LambdaConfig",
    "AWS::CloudFormation::Macro": "FunctionName",  # CloudFormation waits for the macro's answer
}
# CloudFormation custom resources (Custom::*, AWS::CloudFormation::CustomResource): CloudFormation
# waits for the function's answer and fails the stack (after its timeout) when none comes, so a
# lost event is seen, as with a synchronous invoker.
CLOUDFORMATION_CUSTOM_RESOURCE = ("AWS::CloudFormation::CustomResource", "Custom::")
CLOUDFORMATION_EDGE = {"AWS::CloudFront::Distribution": "DistributionConfig"}
# SAM function events that invoke synchronously or poll a source.
SAM_SYNC_EVENTS = ("Api", "HttpApi", "SQS", "Kinesis", "DynamoDB", "MSK", "MQ",
                   "SelfManagedKafka", "DocumentDB", "Cognito")
# CDK (aws_cdk module.Class) and Pulumi (module.Class) classes whose argument is a function
# invoked synchronously.
CDK_SYNC_INVOKERS = (
    "aws_apigateway.LambdaIntegration", "aws_apigateway.LambdaRestApi",
    "aws_apigatewayv2_integrations.HttpLambdaIntegration",
    "aws_elasticloadbalancingv2_targets.LambdaTarget",
    "aws_lambda_event_sources.SqsEventSource", "aws_lambda_event_sources.KinesisEventSource",
    "aws_lambda_event_sources.DynamoEventSource", "aws_lambda_event_sources.ManagedKafkaEventSource",
    "aws_lambda_event_sources.SelfManagedKafkaEventSource",
    "aws_lambda.EventSourceMapping", "aws_lambda.FunctionUrl",
    # a custom resource's handlers (on_event_handler, is_complete_handler): CloudFormation
    # waits for their answer through the provider framework, as for CLOUDFORMATION_CUSTOM_RESOURCE
    "custom_resources.Provider",
)
CDK_SYNC_METHODS = ("add_function_url", "add_event_source_mapping")
PULUMI_SYNC_INVOKERS = (
    "apigateway.Integration", "apigatewayv2.Integration", "lb.TargetGroupAttachment",
    "lambda_.FunctionUrl", "lambda_.EventSourceMapping",
)

# Pulumi components (full module path) whose routes invoke a function synchronously.
PULUMI_SYNC_COMPONENTS = ("pulumi_aws_apigateway.RestAPI", "pulumi_awsx.apigateway.API")

# Which functions get a dead-letter queue (the ``functions`` parameter of dead-letter-queue).
FUNCTION_MODES = ("unless-synchronous", "async-only", "all")
NO_VISIBLE_INVOKER = "no visible invoker: an asynchronous caller outside the stack would lose failed events"


def invokes_synchronously(principal: object) -> bool:
    """Whether a service principal (``apigateway.amazonaws.com``) invokes Lambda synchronously."""
    return isinstance(principal, str) and _SYNC_PRINCIPAL.match(principal) is not None


def dead_letter_reason(mode: str, async_by=(), sync_by=(), other_by=(), edge: bool = False):
    """Why a function needs a dead-letter queue, or None when it does not.

    ``async_by``/``sync_by``/``other_by``: names of the visible invokers that invoke it
    asynchronously, synchronously, or in a way not known (a permission for another account
    or a principal given as a variable). A Lambda@Edge function can have none.
    """
    if edge:
        return None
    if async_by:
        return "invoked asynchronously by " + ", ".join(sorted(set(async_by)))
    if mode == "async-only":
        return None
    if mode == "all":
        return 'every function keeps its failed events (functions = "all")'
    if other_by:
        return "invoked by " + ", ".join(sorted(set(other_by))) + ", which may invoke it asynchronously"
    if sync_by:
        return None
    return NO_VISIBLE_INVOKER
