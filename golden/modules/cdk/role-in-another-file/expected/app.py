import aws_cdk as cdk

from payments.stack import PaymentsStack

app = cdk.App()
PaymentsStack(app, "Payments")
app.synth()
