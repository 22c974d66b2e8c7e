from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct


class LegacyNetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        app_sg = ec2.CfnSecurityGroup(
            self,
            "AppSecurityGroup",
            group_description="Application servers",
            vpc_id=vpc_id,
            security_group_ingress=[
                ec2.CfnSecurityGroup.IngressProperty(ip_protocol="tcp", from_port=443, to_port=443, cidr_ip="10.0.0.0/16"),
                ec2.CfnSecurityGroup.IngressProperty(
                    ip_protocol="tcp",
                    from_port=22,
                    to_port=22,
                    source_prefix_list_id="pl-0123456789abcdef0",
                    description="",
                ),
            ],
            security_group_egress=[
                ec2.CfnSecurityGroup.EgressProperty(ip_protocol="-1", cidr_ip="0.0.0.0/0"),
            ],
        )

        db_sg = ec2.CfnSecurityGroup(self, "DbSecurityGroup", group_description="Database", vpc_id=vpc_id)

        ec2.CfnSecurityGroupIngress(
            self,
            "DbFromApp",
            group_id=db_sg.attr_group_id,
            ip_protocol="tcp",
            from_port=5432,
            to_port=5432,
            source_security_group_id=app_sg.attr_group_id,
        )
        ec2.CfnSecurityGroupIngress(
            self,
            "DbReplication",
            group_id=db_sg.attr_group_id,
            ip_protocol="tcp",
            from_port=5432,
            to_port=5432,
            source_security_group_id=db_sg.attr_group_id,
        )
        ec2.CfnSecurityGroupEgress(
            self,
            "AppToDb",
            group_id=app_sg.attr_group_id,
            ip_protocol="6",
            from_port=5432,
            to_port=5432,
            destination_security_group_id=db_sg.attr_group_id,
        )
