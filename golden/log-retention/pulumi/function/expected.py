"""Payment functions."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
lambda_role_arn = config.get("lambdaRoleArn") or "arn:aws:iam::123456789012:role/payments"
eu = aws.Provider("eu", region="eu-west-1")

authorize_log_group = aws.cloudwatch.LogGroup(
    f"authorize-logs-{environment_suffix}",
    name=f"/aws/lambda/authorize-payment-{environment_suffix}",
    retention_in_days=30,
    tags={"Team": "payments"},
    opts=pulumi.ResourceOptions(provider=eu),
)

authorize = aws.lambda_.Function(
    f"authorize-{environment_suffix}",
    name=f"authorize-payment-{environment_suffix}",
    runtime="python3.12",
    handler="authorize.handler",
    role=lambda_role_arn,
    code=pulumi.FileArchive("./functions/authorize"),
    tags={"Team": "payments"},
    opts=pulumi.ResourceOptions(provider=eu, depends_on=[authorize_log_group]),
)

refund = aws.lambda_.Function(
    f"refund-{environment_suffix}",
    runtime="python3.12",
    handler="refund.handler",
    role=lambda_role_arn,
    code=pulumi.FileArchive("./functions/refund"),
)

refund_log_group = aws.cloudwatch.LogGroup(
    f"refund-logs-{environment_suffix}",
    name=pulumi.Output.concat("/aws/lambda/", refund.name),
    retention_in_days=30,
)

pulumi.export("authorize_arn", authorize.arn)

aws.lambda_.Invocation(
    f"refund-warmup-{environment_suffix}",
    function_name=refund.name,
    input="{}",
    opts=pulumi.ResourceOptions(depends_on=[refund_log_group]),
)
