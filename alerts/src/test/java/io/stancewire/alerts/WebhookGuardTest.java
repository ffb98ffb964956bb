package io.stancewire.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookGuardTest {
    final WebhookGuard strict = new WebhookGuard(false);

    @Test
    void refusesInternalAddressesOtherSchemesAndCredentials() {
        for (String url : new String[] {"http://127.0.0.1:8080/h", "http://10.1.2.3/h", "http://192.168.0.1/h",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/h", "http://[::ffff:10.0.0.1]/h", "http://[fd00::1]/h",
                "http://100.64.0.1/h", "http://0.0.0.0/h", "http://localhost/h"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(InvalidSubscriptionException.class)
                    .hasMessageContaining("internal address");
        }
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check("ftp://8.8.8.8/x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check("https://user:pw@8.8.8.8/x")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.check("not a url")).isInstanceOf(InvalidSubscriptionException.class);
    }

    @Test
    void acceptsPublicAddressesAndPrivateOnesWhenAllowed() {
        assertThat(strict.check("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
        assertThat(new WebhookGuard(true).check("http://127.0.0.1:8080/h").getPort()).isEqualTo(8080);
    }
}
