package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.CallInfo;
import dev.tollgate.ingest.sdk.ProviderResponse;
import dev.tollgate.ingest.sdk.Usage;

/**
 * One {@code record} call as the caller left it: usage or an unread response, with the sequence number
 * that makes its event id and the instant of the call.
 */
public record Pending(Attribution attribution, Usage usage, ProviderResponse response, CallInfo call, long sequence,
    long recordedAtMillis) {}
