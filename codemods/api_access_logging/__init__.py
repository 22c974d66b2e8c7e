"""IAC010 api-access-logging: API stages write access logs to a log group with retention."""

from iacfix.codemods.spec import Codemod, Parameter, language_detectors

# REST API (v1) stages deliver access logs only through the account's API Gateway CloudWatch
# role, a setting of the account and region. CDK makes it (cloud_watch_role); elsewhere a
# REST stage's fix is unsafe, and its finding says why, unless the stack sets the role
# itself (ACCOUNT): in an account without the role the stage fails to deploy.
ACCOUNT = {"cloudformation": "AWS::ApiGateway::Account", "terraform": "aws_api_gateway_account",
           "pulumi": "aws.apigateway.Account"}


def account_role_note(language: str) -> str:
    """What a finding on a REST API stage says of the role, in ``language``'s spelling."""
    return (f"REST API access logs are delivered only when the account's API Gateway CloudWatch role is "
            f"set ({ACCOUNT[language]}); iacfix cannot see it from this stack")


CODEMOD = Codemod(
    id="IAC010",
    slug="api-access-logging",
    tags=("security", "logging"),
    title="API stages write JSON access logs to a log group with retention",
    rationale=(
        "Without access logs there is no record of who called an API, from where, and with "
        "what result: a security review or an incident has nothing to start from. iacfix "
        "adds a log group next to the stage (with a retention period, so the logs do not "
        "grow forever) and points the stage's access log setting at it, with a JSON format "
        "carrying the request id, source IP, time, method, path or route, status, protocol "
        "and response length. REST API (v1) stages need the account-level CloudWatch role "
        "(API Gateway account settings) to deliver logs, and a stage given an access log "
        "setting in an account without it fails to deploy ('CloudWatch Logs role ARN must be "
        "set in account settings'). That setting is per account and region, so iacfix does not "
        "add it: outside CDK (which makes the role) the fix on a REST API stage is unsafe and "
        "its finding says why, unless the stack sets the role itself."
    ),
    unsafe_note=("the access logs of a REST API stage, unless the stack sets the account's API Gateway "
                 "CloudWatch role (CloudFormation, Terraform, Pulumi): the stage fails to deploy in an "
                 "account without it"),
    params=(
        Parameter("retention_days", 30, "days the new access log group keeps events (a value CloudWatch accepts)",
                  choices=(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    ),
    checkov=("CKV_AWS_76", "CKV_AWS_95"),
    cdk_nag=("AwsSolutions-APIG1", "Serverless-APIGWAccessLogging"),
    # cfn_nag's ApiGatewayStageAccessLoggingRule, ApiGatewayV2AccessLoggingRule
    # (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("W69", "W46"),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
