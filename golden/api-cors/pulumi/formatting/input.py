import pulumi_aws as aws

default_4xx = aws.apigateway.Response("default-4xx",
    rest_api_id="abc123", response_type="DEFAULT_4XX",
    response_parameters={"gatewayresponse.header.Access-Control-Allow-Origin": "'https://orders.example.com'"})

orders_api = aws.apigatewayv2.Api('orders', protocol_type='HTTP',  # public API
                                  tags={'Team': 'orders'})
