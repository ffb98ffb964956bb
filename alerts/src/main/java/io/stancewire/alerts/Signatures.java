package io.stancewire.alerts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The {@code X-Stancewire-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the body with the owner's secret. */
public final class Signatures {
    public static final String HEADER = "X-Stancewire-Signature";
    public static final String ALERT_ID_HEADER = "X-Stancewire-Alert-Id";

    private Signatures() {}

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
