import pulumi
import pulumi_aws as aws

queue = aws.sqs.Queue("orders")
api = aws.apigateway.RestApi("orders")
stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment="abc123", stage_name="prod")

pulumi.export("queue", {"arn": queue.arn})
pulumi.export("api_url", stage.invoke_url)
