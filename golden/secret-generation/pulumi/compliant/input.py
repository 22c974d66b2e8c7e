"""Generators already long enough and free of troublesome characters."""

import pulumi_aws as aws
import pulumi_random as random

db_password = random.RandomPassword("db-password", length=32, override_special="!#$%&*()-_=+[]{}<>:?")
pin = random.RandomPassword("pin", length=48, special=False)

token = aws.secretsmanager.get_random_password(password_length=40, exclude_punctuation=True)
key = aws.secretsmanager.get_random_password(
    password_length=32,
    exclude_characters=" \"'@/\\:",
)
