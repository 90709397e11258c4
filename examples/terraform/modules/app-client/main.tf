# A reusable app client: safe settings, with the name, pool and callbacks from the caller.
resource "aws_cognito_user_pool_client" "this" {
  name                          = var.name
  user_pool_id                  = var.user_pool_id
  prevent_user_existence_errors = "ENABLED"

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = var.scopes
  callback_urls                        = var.callback_urls
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH"]

  refresh_token_rotation {
    feature                    = "ENABLED"
    retry_grace_period_seconds = 10
  }
}
