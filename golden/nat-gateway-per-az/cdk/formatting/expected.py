from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.vpc = ec2.Vpc(self, 'OrdersVpc',
                           max_azs = 2,
                           )

        vpc2 = ec2.Vpc(self, 'ReportsVpc', max_azs=2)
