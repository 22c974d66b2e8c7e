from aws_cdk import Stack
from aws_cdk.aws_ec2 import Peer, Port, SecurityGroup


class Bastion(Stack):
  def __init__(self, scope, id, vpc, **kw):
    super().__init__(scope, id, **kw)

    sg = SecurityGroup(self, 'BastionSg', vpc=vpc)
    # office only
    sg.add_ingress_rule(
      Peer.ipv4('203.0.113.0/24'),   # HQ
      Port.SSH,  # no password logins
      description='Allow SSH (tcp/22) from 203.0.113.0/24',
    )
    sg.add_ingress_rule(Peer.ipv4('198.51.100.0/24'),
                        Port.tcp(3389),
                        remote_rule = False,
                        description = 'Allow RDP (tcp/3389) from 198.51.100.0/24')  # windows jump host
