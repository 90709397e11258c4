# App clients with the mistakes cognito-lint exists to catch.

locals {
  callback_path = "/callback"
}

resource "aws_cognito_user_pool" "pool" {
  name = "example"
}

resource "aws_cognito_resource_server" "orders" {
  identifier   = "orders"
  name         = "Orders API"
  user_pool_id = aws_cognito_user_pool.pool.id

  scope {
    scope_name        = "read"
    scope_description = "Read orders"
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name                          = "web"
  user_pool_id                  = aws_cognito_user_pool.pool.id
  prevent_user_existence_errors = "LEGACY"
  enable_token_revocation       = false

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code", "implicit"]
  allowed_oauth_scopes                 = ["openid", "email", "aws.cognito.signin.user.admin"]
  callback_urls = [
    "http://app.acme-corp.com${local.callback_path}",
    "https://${var.legacy_domain}/callback",
    "https://app.acme-corp.com/callback#done",
  ]
  logout_urls          = ["https://*.acme-corp.com/logout"]
  default_redirect_uri = "https://app.acme-corp.com/home"
  explicit_auth_flows  = ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]

  access_token_validity  = 48
  id_token_validity      = 1
  refresh_token_validity = 30

  token_validity_units {
    access_token  = "hours"
    id_token      = "days"
    refresh_token = "minutes"
  }

  write_attributes = ["email", "email_verified", "custom:tenant_id"]
  callback_url     = ["https://app.acme-corp.com/callback"]
}

resource "aws_cognito_user_pool_client" "service" {
  name                                 = "service"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  prevent_user_existence_errors        = "ENABLED"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials", "code"]
  allowed_oauth_scopes                 = ["orders/read", "orders/delete"]
  callback_urls                        = ["https://api.acme-corp.com/callback"]
}

# The module's client gets the caller's inputs: the http:// callback is reported here.
module "partner_client" {
  source        = "./modules/app-client"
  name          = "partner"
  user_pool_id  = aws_cognito_user_pool.pool.id
  callback_urls = ["http://partner.acme-corp.com/callback"]
}
