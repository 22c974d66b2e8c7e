from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.Vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # A parameter group made elsewhere: whatever it is, it is not the default one.
        rds.DatabaseInstance(
            self,
            "Orders",
            engine=rds.DatabaseInstanceEngine.POSTGRES,
            vpc=vpc,
            parameter_group=rds.ParameterGroup.from_parameter_group_name(self, "Params", "orders-params"),
        )
