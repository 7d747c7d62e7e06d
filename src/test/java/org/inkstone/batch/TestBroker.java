package org.inkstone.batch;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A real ActiveMQ Artemis broker embedded in the test JVM, without persistence or security, on a
 * free TCP port of 127.0.0.1; a dead client's connection (and the requests it had not
 * acknowledged) is given up after 5 s.
 */
final class TestBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port;

    TestBroker() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .setConnectionTTLOverride(5000).addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
    }

    /** @return the broker's URL for {@code --broker} */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
