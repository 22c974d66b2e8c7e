# Single-quoted program with explicit, incomplete exclusions.
import pulumi_aws as aws
from pulumi_random import RandomPassword

admin = RandomPassword('admin-password', length=40, override_special='!#$%&*@/-_')

api_key = aws.secretsmanager.get_random_password(
    password_length=32,
    exclude_characters='"@',
)

raw = aws.secretsmanager.get_random_password_output(password_length=64, exclude_characters=r'\/')
