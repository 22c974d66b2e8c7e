import pulumi
from pulumi_aws import ec2

if pulumi.get_stack() != 'local':
  # Two-space indentation, single quotes, hanging arguments.
  bastion = ec2.SecurityGroup('bastion', description='Bastion host',
                              ingress=[ec2.SecurityGroupIngressArgs(protocol='tcp',  # ssh
                                                                    from_port=22, to_port=22,
                                                                    cidr_blocks=['203.0.113.0/24',  # office
                                                                                 '198.51.100.0/24'])],  # vpn
                              egress=[
                                # everything out, for patching
                                {'protocol': '-1', 'from_port': 0, 'to_port': 0,
                                 'cidr_blocks': ['0.0.0.0/0'], 'ipv6_cidr_blocks': ['::/0']},
                              ])

  dns = ec2.SecurityGroupRule('dns-out', type='egress', security_group_id=bastion.id,
                              protocol='udp', from_port=53, to_port=53,
                              cidr_blocks=["10.0.0.2/32"]  # the VPC resolver
                              )
