from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class PaymentsNetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.alb_sg = ec2.SecurityGroup(self, "AlbSecurityGroup", vpc=vpc, allow_all_outbound=False)
        self.app_sg = ec2.SecurityGroup(self, "AppSecurityGroup", vpc=vpc, allow_all_outbound=False)
        self.db_sg = ec2.SecurityGroup(self, "DbSecurityGroup", vpc=vpc, allow_all_outbound=False)

        self.alb_sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))
        self.alb_sg.add_egress_rule(self.app_sg, ec2.Port.tcp_range(8000, 8080))
        self.app_sg.add_ingress_rule(self.alb_sg, ec2.Port.tcp_range(8000, 8080))
        self.app_sg.add_ingress_rule(self.app_sg, ec2.Port.all_traffic())
        self.app_sg.add_egress_rule(ec2.Peer.ipv4("10.20.0.0/16"), ec2.Port.POSTGRES)
        self.db_sg.connections.allow_from(self.app_sg, ec2.Port.tcp(5432))
        self.db_sg.connections.allow_internally(ec2.Port.all_icmp())
