import pulumi
import pulumi_aws as aws

pager = aws.sns.Topic("pager")

checkout = aws.lambda_.Function(
    "checkout",
    role="arn:aws:iam::123456789012:role/checkout-lambda",
    runtime="nodejs20.x",
    handler="index.handler",
    code=pulumi.FileArchive("./lambda"),
)

aws.cloudwatch.MetricAlarm(
    "checkout-errors",
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": checkout.name},
    statistic="Sum",
    period=60,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    alarm_actions=[pager.arn],
)

rest_api = aws.apigateway.RestApi("shop-api", name="shop-api")
