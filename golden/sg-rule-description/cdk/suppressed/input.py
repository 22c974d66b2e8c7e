from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class BastionStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sg = ec2.SecurityGroup(self, "BastionSg", vpc=vpc)
        # iacfix: ignore[sg-rule-description] -- described in the network runbook
        sg.add_ingress_rule(ec2.Peer.ipv4("203.0.113.0/24"), ec2.Port.tcp(22))
