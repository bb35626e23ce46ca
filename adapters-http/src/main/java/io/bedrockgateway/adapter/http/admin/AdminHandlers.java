package io.bedrockgateway.adapter.http.admin;

import io.bedrockgateway.adapter.http.admin.AdminJson.CreateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.IssuedKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.KeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.KeyListJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.RotateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.UpdateKeyJson;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /admin/v1/keys}: the operator's key management, behind the admin token. */
public final class AdminHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHandlers.class);
  private static final String ID = "id";

  private final ManageKeysUseCase keys;
  private final JsonBodyReader bodies;
  private final Clock clock;

  AdminHandlers(ManageKeysUseCase keys, JsonBodyReader bodies, Clock clock) {
    this.keys = keys;
    this.bodies = bodies;
    this.clock = clock;
  }

  void create(Context ctx) {
    CreateKeyJson body = bodies.read(ctx.bodyInputStream(), length(ctx), CreateKeyJson.class);
    IssuedKey issued = keys.create(AdminCommands.create(body));
    LOG.info(
        "Admin created API key {} ({})",
        issued.record().keyId(),
        issued.record().principal().name());
    issue(ctx, issued);
  }

  void list(Context ctx) {
    ctx.json(
        new KeyListJson(
            keys.list().stream().map(key -> KeyJson.of(key, clock.instant())).toList()));
  }

  void get(Context ctx) {
    show(ctx, keys.get(id(ctx)));
  }

  void update(Context ctx) {
    KeyId id = id(ctx);
    UpdateKeyJson body = bodies.read(ctx.bodyInputStream(), length(ctx), UpdateKeyJson.class);
    ApiKeyRecord updated = keys.update(AdminCommands.update(id, body));
    LOG.info("Admin updated API key {}", id);
    show(ctx, updated);
  }

  void revoke(Context ctx) {
    ApiKeyRecord revoked = keys.revoke(id(ctx));
    LOG.info("Admin revoked API key {}", revoked.keyId());
    show(ctx, revoked);
  }

  void rotate(Context ctx) {
    KeyId id = id(ctx);
    IssuedKey successor =
        keys.rotate(
            AdminCommands.rotate(
                id, bodies.readIfAny(ctx.bodyInputStream(), length(ctx), RotateKeyJson.class)));
    LOG.info("Admin rotated API key {} to {}", id, successor.record().keyId());
    issue(ctx, successor);
  }

  private void issue(Context ctx, IssuedKey issued) {
    // the only answer that holds a plain key: no cache may keep it
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.status(201).json(IssuedKeyJson.of(issued, clock.instant()));
  }

  private void show(Context ctx, ApiKeyRecord key) {
    ctx.json(KeyJson.of(key, clock.instant()));
  }

  private static KeyId id(Context ctx) {
    return AdminCommands.keyId(ctx.pathParam(ID));
  }

  private static long length(Context ctx) {
    return ctx.req().getContentLengthLong();
  }
}
