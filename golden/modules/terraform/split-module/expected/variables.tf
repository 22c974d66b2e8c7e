variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment_suffix" {
  type    = string
  default = "dev"
}
