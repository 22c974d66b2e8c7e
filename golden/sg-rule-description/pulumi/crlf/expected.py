"""Network for the payments API: load balancer, service and database security groups."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
vpc_id = "vpc-0123456789abcdef0"

lb_sg = aws.ec2.SecurityGroup(
    f"payments-lb-{environment_suffix}",
    description="Payments load balancer",
    vpc_id=vpc_id,
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=443,
            to_port=443,
            cidr_blocks=["0.0.0.0/0"],
            description="Allow HTTPS (tcp/443) from anywhere",
        ),
    ],
    egress=[
        aws.ec2.SecurityGroupEgressArgs(
            protocol="-1",
            from_port=0,
            to_port=0,
            cidr_blocks=["0.0.0.0/0"],
            description="Allow all traffic to anywhere",
        ),
    ],
)

service_sg = aws.ec2.SecurityGroup(
    f"payments-service-{environment_suffix}",
    description="Payments service tasks",
    vpc_id=vpc_id,
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=8080,
            to_port=8080,
            security_groups=[lb_sg.id],
            description="Allow tcp/8080 from lb_sg",
        ),
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=7946,
            to_port=7946,
            self=True,
            description="Allow tcp/7946 from this security group",
        ),
    ],
)

db_sg = aws.ec2.SecurityGroup(
    f"payments-db-{environment_suffix}",
    description="Payments database",
    vpc_id=vpc_id,
    ingress=[{
        "protocol": "tcp",
        "from_port": 5432,
        "to_port": 5432,
        "security_groups": [service_sg.id],
        "description": "Allow PostgreSQL (tcp/5432) from service_sg",
    }],
)
