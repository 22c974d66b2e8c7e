resource "aws_security_group" "bastion" {
    name = "bastion" # jump host

    # SSH from the office and the VPN, nothing else.
    ingress {
        from_port = 22 # ssh
        to_port   = 22
        protocol  = "tcp"
        cidr_blocks = [
            "203.0.113.0/24", # office
            "198.51.100.0/24" # vpn
        ]
        description = "Allow SSH (tcp/22) from 203.0.113.0/24, 198.51.100.0/24"
    }
    egress {
        cidr_blocks = ["0.0.0.0/0"]
        description = "Allow traffic to anywhere"
    }
} # end bastion
