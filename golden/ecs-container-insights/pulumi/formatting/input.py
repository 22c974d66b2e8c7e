import pulumi
import pulumi_aws as aws
from pulumi_aws import ecs

def cluster(name):
	# Tab-indented helper: one cluster per exam region.
	return ecs.Cluster(name,   # named by region
		tags={'Region': name},
		settings=[
			ecs.ClusterSettingArgs(name='someFutureSetting', value='on')  # keep
		]  # end of settings
	)

scoring = ecs.Cluster('scoring-cluster-for-the-eu-west-1-region-with-a-long-name', tags={'Team': 'scoring'})
eu = cluster('eu')
