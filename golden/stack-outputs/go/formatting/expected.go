package stacks

import (
	cdk "github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	rds "github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewDataStack(scope constructs.Construct, id string, vpc awsec2.IVpc) cdk.Stack {
	stack := cdk.NewStack(scope, &id, nil)
	db := rds.NewDatabaseInstance(stack, jsii.String("Db"), &rds.DatabaseInstanceProps{
		Engine: rds.DatabaseInstanceEngine_Postgres(&rds.PostgresInstanceEngineProps{Version: rds.PostgresEngineVersion_VER_16()}),
		Vpc:    vpc,
	}) // the main database
	cdk.NewCfnOutput(stack, jsii.String("DbEndpoint"), &cdk.CfnOutputProps{
		Value: db.DbInstanceEndpointAddress(),
	})
	_ = db
	return stack
}
