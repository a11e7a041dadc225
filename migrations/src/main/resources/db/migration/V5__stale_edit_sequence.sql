-- QuickBooks answers a Mod whose EditSequence is out of date with status 3200 and changes nothing.
-- The platform then reads the object again and sends the Mod once more with the current
-- EditSequence. While the object is read again, the queue row carries the query (request_type,
-- fragment) and keeps the Mod it will send afterwards in stale_mod, with QuickBooks' 3200 answer in
-- response, to be handed to the connector if the object cannot be read. rereads bounds how often
-- one request is read again.
ALTER TABLE web_connector_requests
    ADD COLUMN stale_mod text,
    ADD COLUMN rereads   integer NOT NULL DEFAULT 0 CHECK (rereads >= 0);
