package io.stancewire.netguard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class InternalAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.1.1",
            "0.0.0.0", "192.0.0.8", "240.0.0.1", "255.255.255.255", "224.0.0.1", "::1", "fe80::1", "fd00::1",
            "::ffff:192.168.1.1", "::ffff:127.0.0.1"})
    void internal(String address) throws Exception {
        assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700::1111", "::ffff:93.184.216.34"})
    void external(String address) throws Exception {
        assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).isFalse();
    }
}
