package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDatabaseStack(scope constructs.Construct, id string, props *awscdk.StackProps, vpc awsec2.IVpc) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// A parameter group made elsewhere: whatever it is, it is not the default one.
	awsrds.NewDatabaseInstance(stack, jsii.String("Orders"), &awsrds.DatabaseInstanceProps{
		Engine:         awsrds.DatabaseInstanceEngine_POSTGRES(),
		Vpc:            vpc,
		ParameterGroup: awsrds.ParameterGroup_FromParameterGroupName(stack, jsii.String("Params"), jsii.String("orders-params")),
	})

	return stack
}
