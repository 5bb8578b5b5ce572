package dev.tollgate.bench.gateway;

import dev.tollgate.ingest.keys.ApiKeyAdmin;
import dev.tollgate.ingest.keys.IssuedKey;

/** An API key made for one benchmark run and removed when the run is over, so that keys list stays clean. */
public final class TemporaryKey implements AutoCloseable {
  private final ApiKeyAdmin admin;
  private final IssuedKey key;

  private TemporaryKey(ApiKeyAdmin admin, IssuedKey key) {
    this.admin = admin;
    this.key = key;
  }

  public static TemporaryKey create(String bootstrap, String tenant) throws Exception {
    ApiKeyAdmin admin = new ApiKeyAdmin(bootstrap);
    return new TemporaryKey(admin, admin.create(tenant, "gateway benchmark"));
  }

  public String key() {
    return key.key();
  }

  public String keyId() {
    return key.keyId();
  }

  @Override
  public void close() throws Exception {
    admin.remove(key.keyId());
  }
}
