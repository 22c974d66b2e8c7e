import pulumi_aws as aws

site = aws.amplify.App("site", name="orders-site")

# iacfix: ignore[api-cors] called by the mobile app only
orders_api = aws.apigatewayv2.Api("orders", protocol_type="HTTP")
