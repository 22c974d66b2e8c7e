from aws_cdk import Stack, aws_apigatewayv2 as apigwv2, aws_apigateway as apigw
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        apigw.GatewayResponse(self, 'Default4xx', rest_api=apigw.RestApi(self, 'Legacy', default_cors_preflight_options=apigw.CorsOptions(allow_origins=['https://orders.example.com'])),
            type=apigw.ResponseType.DEFAULT_4_XX,
            response_headers={'Access-Control-Allow-Origin': "'https://orders.example.com'"})
        apigwv2.HttpApi(self, 'OrdersHttpApi',   # public API
                        api_name='orders')
