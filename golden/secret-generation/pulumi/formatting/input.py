import pulumi
import pulumi_random
from pulumi_aws import secretsmanager


class Credentials(pulumi.ComponentResource):
      # six-space indentation, hanging arguments
      def __init__(self, name, opts=None):
            super().__init__('payments:index:Credentials', name, None, opts)
            self.password = pulumi_random.RandomPassword(f'{name}-password',
                                                         length = 20,   # what the old vault allowed
                                                         # keep specials, they make it stronger
                                                         special = True,
                                                         opts=pulumi.ResourceOptions(parent=self))
            self.token = secretsmanager.get_random_password(password_length=16, exclude_characters = '/',  # paths
                                                            opts=pulumi.InvokeOptions(parent=self)).random_password


credentials = Credentials('payments')
