-- The role functions/register, functions/registration-resubmit and functions/registration-link
-- switch to (vitrine_registrar):
-- the only one that may store a registration, because the handler hands it the client's
-- rate-limit bucket, which a caller of the Supabase API could otherwise pick, or leave out. It
-- reads the day's salt to make that bucket.
grant usage on schema public, private to vitrine_registrar;
grant execute on function
  public.register_merchant(jsonb, text, text),
  public.resubmit_registration(uuid, text, jsonb, text),
  public.request_status_links(text, text),
  private.rate_limit_salt()
  to vitrine_registrar;
