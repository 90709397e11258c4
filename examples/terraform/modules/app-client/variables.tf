variable "name" {
  type = string
}

variable "user_pool_id" {
  type = string
}

variable "callback_urls" {
  type = list(string)
}

variable "scopes" {
  type    = list(string)
  default = ["openid", "email"]
}
