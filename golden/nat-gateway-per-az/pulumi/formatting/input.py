import pulumi_aws as aws
import pulumi_awsx as awsx
from pulumi_awsx.ec2 import NatGatewayStrategy

vpc = awsx.ec2.Vpc('orders-vpc', nat_gateways={'strategy': 'Single'})  # dev sizing

reports = awsx.ec2.Vpc('reports-vpc',
                       availability_zone_names = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
                       nat_gateways = awsx.ec2.NatGatewayConfigurationArgs(strategy = NatGatewayStrategy.SINGLE))

sg = aws.ec2.SecurityGroup('orders-app', vpc_id=vpc.vpc_id, description='Orders service tasks')
