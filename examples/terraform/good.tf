# An app client (and a module-made one) that passes every cognito-lint rule, strict preset included.

resource "aws_cognito_user_pool" "good" {
  name = "example"
}

resource "aws_cognito_resource_server" "good_orders" {
  identifier   = "orders"
  name         = "Orders API"
  user_pool_id = aws_cognito_user_pool.good.id

  scope {
    scope_name        = "read"
    scope_description = "Read orders"
  }
}

resource "aws_cognito_user_pool_client" "good_web" {
  name                          = "web"
  user_pool_id                  = aws_cognito_user_pool.good.id
  generate_secret               = false
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "orders/read"]
  callback_urls                        = ["https://${var.app_domain}/callback"]
  logout_urls                          = ["https://${var.app_domain}/signed-out"]
  default_redirect_uri                 = "https://${var.app_domain}/callback"
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH"]

  access_token_validity  = 60
  id_token_validity      = 60
  refresh_token_validity = 30
  auth_session_validity  = 3

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  refresh_token_rotation {
    feature                    = "ENABLED"
    retry_grace_period_seconds = 10
  }

  read_attributes  = ["email", "email_verified", "name"]
  write_attributes = ["email", "name"]
}

module "good_partner_client" {
  source        = "./modules/app-client"
  name          = "partner"
  user_pool_id  = aws_cognito_user_pool.good.id
  callback_urls = ["https://partner.acme-corp.com/callback"]
}
