from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class TenantNetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, rules: list, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sg = ec2.SecurityGroup(self, "TenantSg", vpc=vpc)
        # the descriptions come with the rules
        for rule in rules:
            sg.add_ingress_rule(rule["peer"], rule["port"], rule["description"])
            sg.add_egress_rule(*rule["egress"])
