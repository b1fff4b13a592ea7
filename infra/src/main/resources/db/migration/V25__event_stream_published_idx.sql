-- The live event stream's hub asks, several times a second while streams are open, which tenants had events
-- published since its last look: one range scan over published_at for all tenants.
CREATE INDEX outbox_events_published_idx ON outbox_events (published_at) WHERE published_at IS NOT NULL;
