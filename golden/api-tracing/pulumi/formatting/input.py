import pulumi
from pulumi_aws import apigateway as apigw

api = apigw.RestApi('admin-api')
deployment = apigw.Deployment('admin-deployment', rest_api=api.id)

stage = apigw.Stage('admin-stage',
    rest_api=api.id, deployment=deployment.id,   # two per line
    stage_name='admin',
    # access logs are configured by the platform team
)
canary = apigw.Stage('admin-canary', rest_api=api.id, deployment=deployment.id, stage_name='canary')
