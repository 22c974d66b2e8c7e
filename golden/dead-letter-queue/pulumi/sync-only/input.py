import pulumi
import pulumi_aws as aws

role_arn = "arn:aws:iam::123456789012:role/orders-functions"
api_id = "a1b2c3d4e5"
orders_queue_arn = "arn:aws:sqs:us-east-1:123456789012:orders"

api = aws.lambda_.Function(
    "api",
    runtime="python3.12",
    handler="api.handler",
    role=role_arn,
    code=pulumi.FileArchive("./api"),
)

aws.apigatewayv2.Integration(
    "api-integration",
    api_id=api_id,
    integration_type="AWS_PROXY",
    integration_uri=api.invoke_arn,
    payload_format_version="2.0",
)

aws.lambda_.FunctionUrl(
    "api-url",
    function_name=api.name,
    authorization_type="AWS_IAM",
)

consumer = aws.lambda_.Function(
    "consumer",
    runtime="python3.12",
    handler="consumer.handler",
    role=role_arn,
    code=pulumi.FileArchive("./consumer"),
)

aws.lambda_.EventSourceMapping(
    "consumer-orders",
    event_source_arn=orders_queue_arn,
    function_name=consumer.arn,
)
