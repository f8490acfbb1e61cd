wrk.method = "POST"
wrk.body = '{"user_identifier_key":"john_user_identifier_key"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["seam-publishable-key"] = "seam_pk1_token"
