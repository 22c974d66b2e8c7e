from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class PaymentsNetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        office_cidr = "198.51.100.0/24"
        alb_sg = ec2.SecurityGroup(self, "AlbSecurityGroup", vpc=vpc, description="Public load balancer")
        app_sg = ec2.SecurityGroup(self, "AppSecurityGroup", vpc=vpc)

        alb_sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443), "HTTPS from the internet")
        alb_sg.add_ingress_rule(ec2.Peer.ipv4(office_cidr), ec2.Port.tcp(80), description=f"HTTP from {office_cidr}")
        app_sg.connections.allow_from(alb_sg, ec2.Port.tcp(8080), "Traffic from the load balancer")
