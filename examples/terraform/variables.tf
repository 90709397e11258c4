variable "app_domain" {
  description = "Where the web app is served."
  type        = string
  default     = "app.acme-corp.com"
}

variable "legacy_domain" {
  description = "The old domain, kept while clients move."
  type        = string
  default     = "app.example.com"
}
