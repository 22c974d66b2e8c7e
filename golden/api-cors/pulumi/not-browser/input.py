import pulumi_aws as aws

# called by other services only: no front end, no CORS headers
orders_api = aws.apigatewayv2.Api("orders", protocol_type="HTTP")

legacy_api = aws.apigateway.RestApi("legacy")
