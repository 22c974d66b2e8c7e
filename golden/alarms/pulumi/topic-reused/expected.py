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

aws.cloudwatch.MetricAlarm(
    "checkout-throttles",
    alarm_description=(
        "Lambda function checkout was throttled 1 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": checkout.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[pager.arn],
)

rest_api = aws.apigateway.RestApi("shop-api", name="shop-api")

aws.cloudwatch.MetricAlarm(
    "shop-api-4xx-errors",
    name="shop-api-4xx-errors",
    alarm_description=(
        "REST API shop-api answered 5 percent or more of its requests with a 4XX error "
        "(throttling included) in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="4XXError",
    dimensions={"ApiName": rest_api.name},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=0.05,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[pager.arn],
)

aws.cloudwatch.MetricAlarm(
    "shop-api-5xx-errors",
    name="shop-api-5xx-errors",
    alarm_description=(
        "REST API shop-api answered 10 or more requests with a 5XX error in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="5XXError",
    dimensions={"ApiName": rest_api.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[pager.arn],
)
