from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.vpc = ec2.Vpc(self, 'OrdersVpc',
                           max_azs = 2,
                           nat_gateways = 1,  # keep costs down
                           )

        vpc2 = ec2.Vpc(self, 'ReportsVpc', nat_gateways=1, max_azs=2)
