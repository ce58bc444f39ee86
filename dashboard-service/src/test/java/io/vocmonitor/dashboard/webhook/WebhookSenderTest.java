package io.vocmonitor.dashboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** What the delivery log says of a delivery that could not connect or send. */
class WebhookSenderTest {

    @Test
    void aFailureIsNamedWithTheFirstMessageAlongItsCauses() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ConnectException("Connection refused"));
        assertThat(WebhookSender.describe(refused)).isEqualTo("ConnectException: Connection refused");
        assertThat(WebhookSender.describe(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo("IOException: HTTP/1.1 header parser received no bytes");
    }

    @Test
    void aMessageThatOnlyRepeatsTheCauseIsPassedOver() {
        // new IOException(cause) takes cause.toString() as its message: no news, and here the cause has none either
        assertThat(WebhookSender.describe(new IOException(new ClosedChannelException()))).isEqualTo("IOException");
        assertThat(WebhookSender.describe(new ConnectException())).isEqualTo("ConnectException: refused or unreachable");
    }
}
